-- A staff account's work mobile and email, optional, given at creation: what matches it with the WeCom directory.
alter table staff_account
    add column mobile text,
    add column email  text;
