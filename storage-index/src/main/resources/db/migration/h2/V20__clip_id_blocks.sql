-- Clip ids come in blocks of 65,536, one block a value of this sequence (block b holds ids
-- (b - 1) * 65536 + 1 to b * 65536), so each server sharing a store numbers its clips from blocks
-- of its own. The first block lies above every id already stored.
CREATE SEQUENCE clip_id_block START WITH 1;
ALTER SEQUENCE clip_id_block RESTART WITH (SELECT (COALESCE(MAX(id), 0) + 65535) / 65536 + 1 FROM clip);
