import { customType } from "drizzle-orm/pg-core";

/** PostgreSQL `ltree` (extension): the materialized path of a unit in the agency tree, labels are unit ids. */
export const ltree = customType<{ data: string }>({
  dataType: () => "ltree",
});
