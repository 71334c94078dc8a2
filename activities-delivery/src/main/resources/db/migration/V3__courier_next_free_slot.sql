-- Each courier's next free hourly slot. Booking takes the courier whose next slot is earliest (rows
-- locked with SKIP LOCKED, so bookings run in parallel) and moves that courier's pointer an hour on:
-- constant time per booking, however many bookings exist. Slots freed by cancellations are not
-- handed out again.
alter table courier add column next_free_slot timestamptz;
update courier c
   set next_free_slot = (select max(b.slot_start) + interval '1 hour'
                           from courier_booking b where b.courier_id = c.id);
