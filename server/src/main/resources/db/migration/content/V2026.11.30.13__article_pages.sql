-- An article written in Siyu is opened by customers as an H5 page: its address carries this token, which cannot
-- be guessed from the material's id (changing it takes the old address away).
alter table material add column share_token uuid not null default gen_random_uuid();
create unique index material_share_token_idx on material (share_token);
