-- The delivery slot the buyer chose (null: the earliest free one). A re-driven run books it too.
alter table customer_order add column delivery_slot timestamptz;
