-- lotus.orders.current counts the orders in each state when scraped. Unfinished orders are read
-- through customer_order_not_final (as many as are under way); finished ones only ever grow, so
-- they are counted as they finish, here, in the transaction that records the final state, spread
-- over a few rows so that concurrent consumers do not queue on one. A scrape then reads no more
-- rows with a million finished orders than with a thousand.
create table finished_order_count (
    status varchar(40) not null,
    shard  smallint    not null,
    orders bigint      not null,
    primary key (status, shard)
);
insert into finished_order_count (status, shard, orders)
select status, 0, count(*) from customer_order
 where status in ('NotifyingSourceSystem', 'Cancelled')
 group by status;
