// the outbox (notices/Outbox.java): a delivery per notice, person and channel, written with the notice
CREATE CONSTRAINT delivery_id IF NOT EXISTS FOR (x:Delivery) REQUIRE x.id IS UNIQUE;
// the sender's sweep reads what is due: pending, by the time it is next due
CREATE INDEX delivery_due IF NOT EXISTS FOR (x:Delivery) ON (x.status, x.nextAt);
