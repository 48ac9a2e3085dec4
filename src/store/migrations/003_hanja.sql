-- The Chinese-character (hanja) form of every first- and second-level unit, with the source it was
-- taken from: state media and the press in Chinese and Japanese write the places this way.
alter table provinces add column hanja text;
alter table provinces add column hanja_source text;
alter table localities add column hanja text;
alter table localities add column hanja_source text;
