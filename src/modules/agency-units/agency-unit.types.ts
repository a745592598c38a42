import { Field, ObjectType, registerEnumType } from "type-graphql";
import { DateScalar } from "../../shared/scalars.js";

export enum AgencyUnitKind {
  MINISTRY = "MINISTRY",
  PROVINCE = "PROVINCE",
  PROVINCIAL_DEPARTMENT = "PROVINCIAL_DEPARTMENT",
  DISTRICT = "DISTRICT",
  DISTRICT_OFFICE = "DISTRICT_OFFICE",
  COMMUNE = "COMMUNE",
  WARD = "WARD",
  TOWNSHIP = "TOWNSHIP",
  SERVICE_UNIT = "SERVICE_UNIT",
}
registerEnumType(AgencyUnitKind, {
  name: "AgencyUnitKind",
  description: "What kind of agency a unit is.",
  valuesConfig: {
    MINISTRY: { description: "A ministry or ministry-level central body (bộ, cơ quan ngang bộ)." },
    PROVINCE: { description: "A province or centrally-run city (tỉnh, thành phố trực thuộc trung ương)." },
    PROVINCIAL_DEPARTMENT: { description: "A provincial department, board or branch (sở, ban, ngành)." },
    DISTRICT: { description: "A district-level unit (huyện, quận, thị xã, thành phố thuộc tỉnh); abolished 1 July 2025." },
    DISTRICT_OFFICE: { description: "A specialised office of a district People's Committee (phòng)." },
    COMMUNE: { description: "A commune (xã)." },
    WARD: { description: "A ward (phường)." },
    TOWNSHIP: { description: "A township (thị trấn)." },
    SERVICE_UNIT: { description: "A public service unit, e.g. a land registration branch or a post office." },
  },
});

/** An agency unit as the API shows it; rows are mapped in `agency-unit.mapper.ts`. */
@ObjectType({ description: "An agency unit (cơ quan, đơn vị): a node of the administrative tree." })
export class AgencyUnit {
  /** Internal id: never exposed, used by loaders. */
  id!: number;
  /** ltree path of ids from the root; used for subtree checks. */
  path!: string;
  parentId!: number | null;

  @Field(() => String, { description: "Electronic agency code of Decision 20/2020/QĐ-TTg, e.g. `000.17.22.H56`." })
  code!: string;

  @Field(() => String, { nullable: true, description: "Statistics office (GSO) code: 2 digits province, 3 district, 5 commune." })
  gsoCode!: string | null;

  @Field(() => String, { description: "Official name, e.g. `Huyện Gia Lâm`." })
  name!: string;

  @Field(() => AgencyUnitKind, { description: "What kind of agency this is." })
  kind!: AgencyUnitKind;

  @Field(() => DateScalar, { nullable: true, description: "First day the unit exists; null: since before records." })
  validFrom!: string | null;

  @Field(() => DateScalar, { nullable: true, description: "Last day the unit exists; null: still exists." })
  validTo!: string | null;

  @Field(() => String, { nullable: true, description: "Postal address." })
  address!: string | null;

  @Field(() => Boolean, { description: "True for demo data (generated or with unverified codes), not official records." })
  isDemo!: boolean;
}
