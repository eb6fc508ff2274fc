// department group robots (reach/Robots.java) and the outbox's one delivery per robot and fact
CREATE CONSTRAINT robot_id IF NOT EXISTS FOR (r:Robot) REQUIRE r.id IS UNIQUE;
CREATE CONSTRAINT delivery_key IF NOT EXISTS FOR (x:Delivery) REQUIRE x.key IS UNIQUE;
