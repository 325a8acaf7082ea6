-- 0002: indexes for the events table's filters (the app's country filter walked every
-- participant without them: ~45 ms over 50,000 events).

-- "country = CN": the actors of that country, then their events (participants_actor).
CREATE INDEX actors_country ON actors(country);

-- ...and the participants of unknown country who stood for that side.
CREATE INDEX participants_side ON participants(side);
