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
-- The names already stored, split at white space here.
INSERT INTO user_name_words (word, user_id)
SELECT DISTINCT array_to_string(s.words[i:], ' '), s.id
FROM (SELECT id, regexp_split_to_array(lower(trim(name)), '\s+') AS words FROM users WHERE trim(name) <> '') AS s,
     generate_subscripts(s.words, 1) AS i
ON CONFLICT DO NOTHING;
