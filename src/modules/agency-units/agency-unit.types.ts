import { Field, ObjectType, registerEnumType } from "type-graphql";
import { Node } from "../../shared/node.js";
import { Connection } from "../../shared/pagination.js";
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

/** The tier of government; the same values as the procedures' `level` (DB enum `procedure_level`). */
export enum AdministrativeLevel {
  CENTRAL = "CENTRAL",
  PROVINCE = "PROVINCE",
  DISTRICT = "DISTRICT",
  COMMUNE = "COMMUNE",
}
registerEnumType(AdministrativeLevel, {
  name: "AdministrativeLevel",
  description: "The tier of government (cấp): central, province, district (until 1 July 2025) or commune.",
  valuesConfig: {
    CENTRAL: { description: "Central government: ministries and ministry-level bodies (cấp trung ương)." },
    PROVINCE: { description: "Province level: provinces and their departments (cấp tỉnh)." },
    DISTRICT: { description: "District level: districts and their offices (cấp huyện); abolished 1 July 2025." },
    COMMUNE: { description: "Commune level: communes, wards and townships (cấp xã)." },
  },
});

/** How a unit was succeeded; the DB enum `agency_unit_link_kind`. */
export enum AgencyUnitLinkKind {
  MERGED_INTO = "MERGED_INTO",
  SPLIT_INTO = "SPLIT_INTO",
  RENAMED = "RENAMED",
}
registerEnumType(AgencyUnitLinkKind, {
  name: "AgencyUnitLinkKind",
  description: "How a unit was succeeded by another (sáp nhập, chia tách, đổi tên).",
  valuesConfig: {
    MERGED_INTO: { description: "The predecessor was merged into the successor (sáp nhập)." },
    SPLIT_INTO: { description: "The predecessor was split; the successor is one of the parts (chia tách)." },
    RENAMED: { description: "The predecessor was renamed or re-coded into the successor (đổi tên)." },
  },
});

/** An agency unit as the API shows it; rows are mapped in `agency-unit.mapper.ts`. */
@ObjectType({ simpleResolvers: true, implements: Node, description: "An agency unit (cơ quan, đơn vị): a node of the administrative tree." })
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

/** A typed predecessor/successor link seen from one of its ends. */
@ObjectType({ simpleResolvers: true, description: "A link between a unit and a predecessor or successor (a merger, a split, a renaming)." })
export class AgencyUnitLink {
  @Field(() => AgencyUnitLinkKind, {
    description: "How the predecessor was succeeded, always read predecessor → successor (`MERGED_INTO`: the predecessor was merged into the successor).",
  })
  kind!: AgencyUnitLinkKind;

  @Field(() => AgencyUnit, { description: "The unit at the other end: the successor in `successors`, the predecessor in `predecessors`." })
  unit!: AgencyUnit;

  @Field(() => DateScalar, { nullable: true, description: "The first day of the successor's responsibility; null when unknown." })
  effectiveOn!: string | null;
}

@ObjectType({ simpleResolvers: true, description: "A page of agency units." })
export class AgencyUnitConnection extends Connection(AgencyUnit) {}
