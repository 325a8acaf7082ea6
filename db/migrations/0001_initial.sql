-- 0001: the first schema of the briefing store.
-- Plain tables that sqlite-utils and Datasette open without help.

-- Small facts about the store itself (e.g. the hash of the gazetteer last loaded).
CREATE TABLE meta (
    key TEXT PRIMARY KEY,
    value TEXT
);

CREATE TABLE feeds (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    url TEXT NOT NULL UNIQUE,
    etag TEXT,
    last_modified TEXT,
    last_fetch TEXT,            -- ISO timestamp of the last attempt
    last_status TEXT,           -- "ok", "not modified", "error", or the HTTP status
    last_error TEXT,
    items_total INTEGER NOT NULL DEFAULT 0
);

CREATE TABLE articles (
    id INTEGER PRIMARY KEY,
    url TEXT,
    guid TEXT,
    content_hash TEXT NOT NULL UNIQUE,   -- sha256 of the normalised text
    source TEXT,                         -- feed name, or "file"
    path TEXT,                           -- the file it came from, when it came from one
    title TEXT,
    published TEXT,                      -- ISO date or timestamp, may be null
    fetched_at TEXT NOT NULL,
    language TEXT,
    text TEXT NOT NULL,
    feed_id INTEGER REFERENCES feeds(id),
    updated_at TEXT
);
CREATE UNIQUE INDEX articles_guid ON articles(guid) WHERE guid IS NOT NULL;
CREATE UNIQUE INDEX articles_url ON articles(url) WHERE url IS NOT NULL;
CREATE INDEX articles_published ON articles(published);

-- Full-text search, in the shape sqlite-utils' enable_fts(create_triggers=True) makes,
-- so that sqlite-utils and Datasette recognise it.
CREATE VIRTUAL TABLE [articles_fts] USING FTS5 (
    [title], [text],
    content=[articles]
);
CREATE TRIGGER [articles_ai] AFTER INSERT ON [articles] BEGIN
  INSERT INTO [articles_fts] (rowid, [title], [text]) VALUES (new.rowid, new.[title], new.[text]);
END;
CREATE TRIGGER [articles_ad] AFTER DELETE ON [articles] BEGIN
  INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [text]) VALUES('delete', old.rowid, old.[title], old.[text]);
END;
CREATE TRIGGER [articles_au] AFTER UPDATE ON [articles] BEGIN
  INSERT INTO [articles_fts] ([articles_fts], rowid, [title], [text]) VALUES('delete', old.rowid, old.[title], old.[text]);
  INSERT INTO [articles_fts] (rowid, [title], [text]) VALUES (new.rowid, new.[title], new.[text]);
END;

CREATE TABLE actors (
    id INTEGER PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,            -- gazetteer key; "new:<normalised name>" for actors met first in an article
    name TEXT NOT NULL,
    kind TEXT NOT NULL DEFAULT 'person', -- person | organisation
    country TEXT,                        -- ISO 3166-1 alpha-2
    source TEXT NOT NULL,                -- bundled | extracted | analyst
    merged_into INTEGER REFERENCES actors(id)   -- set when an analyst merged this actor away
);
CREATE INDEX actors_name ON actors(name);

CREATE TABLE aliases (
    id INTEGER PRIMARY KEY,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    alias TEXT NOT NULL,
    norm TEXT NOT NULL,                  -- casefolded, accents and punctuation removed
    source TEXT NOT NULL,                -- bundled | extracted | auto | analyst
    removed INTEGER NOT NULL DEFAULT 0,  -- an analyst undid it; kept so re-extraction respects that
    UNIQUE (actor_id, norm)
);
CREATE INDEX aliases_norm ON aliases(norm);

CREATE TABLE offices (
    id INTEGER PRIMARY KEY,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    office TEXT NOT NULL,                -- generic id from offices.toml
    title TEXT,
    country TEXT,
    start TEXT,
    end TEXT
);
CREATE INDEX offices_office ON offices(office, country);
CREATE INDEX offices_actor ON offices(actor_id);

CREATE TABLE events (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL,                  -- meeting talks call video_call visit dialogue summit
    status TEXT NOT NULL,                -- held planned declined cancelled
    date TEXT,                           -- "2024-05-31", "2024-05" or "2024"
    date_precision TEXT,                 -- day | month | year
    date_end TEXT,
    location TEXT,
    duration_minutes INTEGER,
    summary TEXT,
    event_key TEXT NOT NULL,             -- stable fingerprint (participants + date), for curation
    not_meeting INTEGER NOT NULL DEFAULT 0,   -- an analyst marked it as not a meeting
    curated INTEGER NOT NULL DEFAULT 0,  -- an analyst corrected a field
    first_seen TEXT NOT NULL,            -- when the store first recorded it (export --since)
    sort_date TEXT                       -- date padded for ordering ("2024-05" -> "2024-05-00")
);
CREATE INDEX events_sort ON events(sort_date DESC, id DESC);
CREATE INDEX events_key ON events(event_key);
CREATE INDEX events_first_seen ON events(first_seen);

CREATE TABLE participants (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    role TEXT,                           -- the role as written
    side TEXT,                           -- ISO code of the side they stood for
    PRIMARY KEY (event_id, actor_id)
);
CREATE INDEX participants_actor ON participants(actor_id);

-- Each spelling of a participant in each source article, with its span (for highlighting).
CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    actor_id INTEGER NOT NULL REFERENCES actors(id),
    mention TEXT NOT NULL,
    start INTEGER,
    end INTEGER
);
CREATE INDEX mentions_event ON mentions(event_id);
CREATE INDEX mentions_article ON mentions(article_id);

CREATE TABLE event_articles (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    summary TEXT,                        -- this article's short extractive account
    core INTEGER NOT NULL DEFAULT 0,     -- the article's headline meeting
    PRIMARY KEY (event_id, article_id)
);
CREATE INDEX event_articles_article ON event_articles(article_id);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    field TEXT NOT NULL,                 -- participants date location duration kind status topic year claim
    value TEXT,
    sentence TEXT NOT NULL,
    start INTEGER NOT NULL,              -- character span in articles.text
    end INTEGER NOT NULL,
    note TEXT
);
CREATE INDEX evidence_event ON evidence(event_id);
CREATE INDEX evidence_article ON evidence(article_id);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    side TEXT,
    speaker TEXT,
    text TEXT NOT NULL,
    start INTEGER,
    end INTEGER
);
CREATE INDEX claims_event ON claims(event_id);

CREATE TABLE topics (
    event_id INTEGER NOT NULL REFERENCES events(id) ON DELETE CASCADE,
    topic TEXT NOT NULL,
    PRIMARY KEY (event_id, topic)
);

-- The analyst's curation, replayed after every re-extraction.
CREATE TABLE curations (
    id INTEGER PRIMARY KEY,
    action TEXT NOT NULL,                -- merge_actors add_alias remove_alias correct_event not_meeting
    target TEXT NOT NULL,                -- actor key/id or event_key
    payload TEXT NOT NULL,               -- JSON
    created_at TEXT NOT NULL
);
