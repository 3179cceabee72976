-- The default problem groups (Notice 35-TB/TU) for every province that existed before the catalogue did
-- (docs/decisions/044-support-requests-and-working-groups.md). New provinces get them when they are created (the
-- demo's load, the import's new province: lib/db/problem-group-mutations.ts, names from the message catalogues).
-- Data only: no object is created, so the schema is unchanged.
INSERT INTO problem_group (province_id, code, name_vi, name_en, sort_order)
SELECT p.id, v.code, v.name_vi, v.name_en, v.sort_order
  FROM province p
 CROSS JOIN (VALUES
  ('personnel', 'Công tác cán bộ, công chức, viên chức', 'Cadres, civil servants and public employees', 10),
  ('facilities', 'Cơ sở vật chất', 'Facilities', 20),
  ('institutions', 'Thể chế', 'Institutions', 30),
  ('resources', 'Tài nguyên', 'Resources', 40),
  ('agriculture', 'Nông nghiệp', 'Agriculture', 50),
  ('environment', 'Môi trường', 'Environment', 60),
  ('land', 'Quản lý đất đai', 'Land management', 70),
  ('construction', 'Đầu tư xây dựng', 'Construction investment', 80),
  ('finance', 'Tài chính – ngân sách', 'Finance – budget', 90),
  ('digital', 'Chuyển đổi số', 'Digital transformation', 100)
 ) AS v(code, name_vi, name_en, sort_order)
 WHERE NOT EXISTS (SELECT 1 FROM problem_group g WHERE g.province_id = p.id);
