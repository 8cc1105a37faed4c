-- Data only: the pinyin of 大广海湾 is "Daguanghai"; the seed once spelled it "Dagwanghai".
-- Fixes databases seeded before the correction (a fresh database is seeded correctly).
UPDATE "Park" SET
  "nameEn" = replace("nameEn", 'Dagwanghai', 'Daguanghai'),
  "shortNameEn" = replace("shortNameEn", 'Dagwanghai', 'Daguanghai'),
  "descriptionEn" = replace("descriptionEn", 'Dagwanghai', 'Daguanghai'),
  "infrastructureEn" = replace("infrastructureEn", 'Dagwanghai', 'Daguanghai')
WHERE concat("nameEn", "shortNameEn", "descriptionEn", "infrastructureEn") LIKE '%Dagwanghai%';
UPDATE "Zone" SET
  "nameEn" = replace("nameEn", 'Dagwanghai', 'Daguanghai'),
  "descriptionEn" = replace("descriptionEn", 'Dagwanghai', 'Daguanghai')
WHERE concat("nameEn", "descriptionEn") LIKE '%Dagwanghai%';
UPDATE "EnterpriseProject" SET
  "nameEn" = replace("nameEn", 'Dagwanghai', 'Daguanghai'),
  "companyEn" = replace("companyEn", 'Dagwanghai', 'Daguanghai'),
  "descriptionEn" = replace("descriptionEn", 'Dagwanghai', 'Daguanghai'),
  "capacityEn" = replace("capacityEn", 'Dagwanghai', 'Daguanghai')
WHERE concat("nameEn", "companyEn", "descriptionEn", "capacityEn") LIKE '%Dagwanghai%';
