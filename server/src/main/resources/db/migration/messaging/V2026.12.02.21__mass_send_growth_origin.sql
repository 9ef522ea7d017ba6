-- Growth's campaign progress messages and group announcements are sends of their own origin: like a journey's,
-- kept out of the console's list of mass sends, and followed by the campaign that made them.
alter table mass_send drop constraint mass_send_origin_check;
alter table mass_send add constraint mass_send_origin_check check (origin in ('console', 'journey', 'growth'));
