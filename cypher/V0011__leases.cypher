// the timers' leases (storage/Leases.java): one node per timer, claimed round by round
CREATE CONSTRAINT lease_name IF NOT EXISTS FOR (l:Lease) REQUIRE l.name IS UNIQUE;
