-- The users search finds a name by the start of any of its words: each name is kept as
-- its keys (the name from the start of each word, lower-cased, single spaces: "grace
-- hopper" and "hopper"), written by the portal with the user (domain::account::
-- name_search_keys). A search is then one range of this primary key. It replaces the
-- index on lower(name), which only found the start of the whole name.
CREATE TABLE user_name_words (
    word TEXT NOT NULL,
    user_id BIGINT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    PRIMARY KEY (word, user_id)
);
CREATE INDEX user_name_words_user ON user_name_words (user_id);
DROP INDEX users_name_key;
-- The names already stored, split at spaces here (runs of spaces made one). SQLite's
-- lower() lower-cases ASCII letters only, so a name stored before this with other
-- capitals ("Émile") keeps them in its keys and is missed by a lower-case search; users
-- added from now on are indexed by the portal, which lower-cases every letter.
INSERT OR IGNORE INTO user_name_words (word, user_id)
WITH RECURSIVE rest(user_id, words) AS (
    SELECT id, lower(trim(replace(replace(replace(name, '  ', ' '), '  ', ' '), '  ', ' ')))
    FROM users WHERE trim(name) <> ''
    UNION ALL
    SELECT user_id, ltrim(substr(words, instr(words, ' ') + 1)) FROM rest WHERE instr(words, ' ') > 0
)
SELECT words, user_id FROM rest WHERE words <> '';
