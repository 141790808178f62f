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
-- The names already stored get their keys from the portal after the migrations
-- (db::users::index_unindexed_names), lower-cased as it lower-cases them.
