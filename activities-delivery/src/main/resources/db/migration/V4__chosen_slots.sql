-- Buyers choose a slot (GET /delivery/slots lists the free ones): counting the bookings of an hour
-- across couriers needs the slot first.
create index courier_booking_by_slot on courier_booking (slot_start);
