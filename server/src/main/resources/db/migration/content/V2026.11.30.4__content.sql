-- The material library and the script library (话术库): what staff chats, mass messages and journeys send.

-- Uploaded media, kept in the database so that a backup of it is a backup of everything. WeCom's own limits
-- (images and videos 10 MB, files 20 MB) keep them small; WeCom gets a copy (media/upload) when one is sent.
create table material_file
(
    tenant_id    bigint      not null default siyu_current_tenant(),
    id           bigint generated always as identity,
    name         text        not null,
    content_type text        not null,
    size         int         not null,
    width        int,
    height       int,
    sha256       text        not null,
    content      bytea       not null,
    created_at   timestamptz not null default now(),
    primary key (tenant_id, id)
);
select siyu_isolate_tenant('material_file');

create table material_group
(
    tenant_id  bigint      not null default siyu_current_tenant(),
    id         bigint generated always as identity,
    name       text        not null,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, name)
);
select siyu_isolate_tenant('material_group');

create table material
(
    tenant_id   bigint      not null default siyu_current_tenant(),
    id          bigint generated always as identity,
    kind        text        not null check (kind in ('article', 'image', 'video', 'link', 'miniprogram', 'file', 'poster')),
    title       text        not null,
    description text,
    group_id    bigint,
    tags        text[]      not null default '{}',
    -- link and article: where it opens
    url         text,
    -- article: its text
    body        text,
    -- mini-program card
    app_id      text,
    page        text,
    file_id     bigint,
    cover_id    bigint,
    uses        int         not null default 0,
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    primary key (tenant_id, id),
    foreign key (tenant_id, group_id) references material_group (tenant_id, id) on delete set null (group_id),
    foreign key (tenant_id, file_id) references material_file (tenant_id, id),
    foreign key (tenant_id, cover_id) references material_file (tenant_id, id)
);
select siyu_isolate_tenant('material');
create index material_by_group_idx on material (tenant_id, group_id, id);

create table script_group
(
    tenant_id  bigint      not null default siyu_current_tenant(),
    id         bigint generated always as identity,
    name       text        not null,
    position   int         not null default 0,
    created_at timestamptz not null default now(),
    primary key (tenant_id, id),
    unique (tenant_id, name)
);
select siyu_isolate_tenant('script_group');

create table script
(
    tenant_id  bigint      not null default siyu_current_tenant(),
    id         bigint generated always as identity,
    group_id   bigint      not null,
    title      text        not null,
    content    text        not null,
    keywords   text[]      not null default '{}',
    uses       int         not null default 0,
    created_at timestamptz not null default now(),
    updated_at timestamptz not null default now(),
    primary key (tenant_id, id),
    -- a group with scripts is not deleted (the API says so first)
    foreign key (tenant_id, group_id) references script_group (tenant_id, id)
);
select siyu_isolate_tenant('script');
create index script_by_group_idx on script (tenant_id, group_id, id);

-- A script's attachments in order; deleting a material takes it off the scripts that used it.
create table script_material
(
    tenant_id   bigint not null default siyu_current_tenant(),
    script_id   bigint not null,
    position    int    not null,
    material_id bigint not null,
    primary key (tenant_id, script_id, position),
    foreign key (tenant_id, script_id) references script (tenant_id, id) on delete cascade,
    foreign key (tenant_id, material_id) references material (tenant_id, id) on delete cascade
);
select siyu_isolate_tenant('script_material');
create index script_material_by_material_idx on script_material (tenant_id, material_id);
