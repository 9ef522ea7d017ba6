-- Where a distributor's share link points: the brand's own shop or landing page, which reads ?distributor=<code>
-- and binds the visitor (POST /api/v1/distribution/bindings). None: distributors share their code only.
alter table distribution_settings
    add column share_url text check (share_url is null or (length(share_url) <= 500 and share_url ~ '^https?://\S+$'));
