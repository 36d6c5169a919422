/**
 * The one PostgreSQL schema (Drizzle pg-core): better-auth's tables and the app's tables.
 * Rows stay inside lib/server; repositories map them to lib/domain types.
 * Migrations are generated from this file (`npm run db:generate`) and never edited after they land.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  index,
  integer,
  jsonb,
  pgSequence,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/**
 * Monotonic server change counter for pull-by-cursor. Writers take a transaction-level advisory lock
 * (lib/server/db/change-seq.ts) before drawing from it, so numbers are committed in order and a pull
 * never skips a row committed late with a lower number.
 */
export const changeSeq = pgSequence("change_seq", { startWith: 1 });
const changeSeqColumn = () =>
  bigint("change_seq", { mode: "number" })
    .notNull()
    .default(sql`nextval('change_seq')`);

// ── better-auth (username + admin plugins) ─────────────────────────────────────────────────────

export const user = pgTable("user", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  email: text("email").notNull().unique(),
  emailVerified: boolean("email_verified").notNull().default(false),
  image: text("image"),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
  username: text("username").unique(),
  displayUsername: text("display_username"),
  role: text("role").notNull().default("inspector"),
  banned: boolean("banned").default(false),
  banReason: text("ban_reason"),
  banExpires: timestamp("ban_expires", { withTimezone: true }),
  /** Role "school": the school this account speaks for. */
  schoolId: uuid("school_id"),
  /** Roles "office" and "inspector": the district they work in. */
  districtId: uuid("district_id"),
});

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    impersonatedBy: text("impersonated_by"),
  },
  (t) => [index("session_user_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("account_user_idx").on(t.userId)],
);

export const verification = pgTable("verification", {
  id: text("id").primaryKey(),
  identifier: text("identifier").notNull(),
  value: text("value").notNull(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  createdAt: createdAt(),
  updatedAt: updatedAt(),
});

/** Failed sign-ins per username, for the lockout that better-auth's per-IP rate limit does not give. */
export const signInFailures = pgTable("sign_in_failures", {
  username: text("username").primaryKey(),
  failures: integer("failures").notNull().default(0),
  lockedUntil: timestamp("locked_until", { withTimezone: true }),
  updatedAt: updatedAt(),
});

// ── Organisation ───────────────────────────────────────────────────────────────────────────────

export const districts = pgTable("districts", {
  id: uuid("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  /** Printed before 〔年〕第N号 on notices, e.g. "示范区督改". */
  noticePrefix: text("notice_prefix").notNull(),
  /** The district's deadline policy per severity (lib/domain/template/deadline-policy.ts); null = defaults. */
  deadlinePolicy: jsonb("deadline_policy"),
  createdAt: createdAt(),
});

export const zones = pgTable(
  "zones",
  {
    id: uuid("id").primaryKey(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    name: text("name").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("zones_district_idx").on(t.districtId)],
);

/** Which inspectors (责任督学) look after which zones. */
export const zoneInspectors = pgTable(
  "zone_inspectors",
  {
    zoneId: uuid("zone_id")
      .notNull()
      .references(() => zones.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.zoneId, t.userId] }), index("zone_inspectors_user_idx").on(t.userId)],
);

export const schools = pgTable(
  "schools",
  {
    id: uuid("id").primaryKey(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    zoneId: uuid("zone_id")
      .notNull()
      .references(() => zones.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    address: text("address").notNull().default(""),
    principal: text("principal").notNull().default(""),
    phone: text("phone").notNull().default(""),
    stage: text("stage").notNull(),
    ownership: text("ownership").notNull(),
    isVillage: boolean("is_village").notNull(),
    isBoarding: boolean("is_boarding").notNull(),
    canteen: text("canteen").notNull(),
    hasSchoolBus: boolean("has_school_bus").notNull(),
    studentCount: integer("student_count").notNull(),
    classCount: integer("class_count").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    changeSeq: changeSeqColumn(),
  },
  (t) => [
    uniqueIndex("schools_district_code_idx").on(t.districtId, t.code),
    index("schools_zone_idx").on(t.zoneId),
  ],
);

// ── Checklist templates ────────────────────────────────────────────────────────────────────────

/**
 * Every version of every template. Published versions are immutable (a visit pins code@version);
 * at most one draft per code is being edited at a time.
 */
export const templates = pgTable(
  "templates",
  {
    code: text("code").notNull(),
    version: integer("version").notNull(),
    status: text("status").notNull(),
    title: text("title").notNull(),
    domain: text("domain").notNull(),
    description: text("description").notNull(),
    /** TemplateItem[] as validated by lib/domain/template/template.schema.ts. */
    items: jsonb("items").notNull(),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    changeSeq: changeSeqColumn(),
  },
  (t) => [primaryKey({ columns: [t.code, t.version] })],
);

// ── Photos ────────────────────────────────────────────────────────────────────────────────────

/**
 * Content-addressed photo blobs: the id is the SHA-256 of the bytes, verified on upload, so a retried
 * upload is a no-op. The bytes live in the blob store (DATA_DIR/blobs), not in the database.
 */
export const photos = pgTable(
  "photos",
  {
    id: text("id").primaryKey(),
    mime: text("mime").notNull(),
    bytes: integer("bytes").notNull(),
    uploadedBy: text("uploaded_by")
      .notNull()
      .references(() => user.id),
    uploadedAt: timestamp("uploaded_at", { withTimezone: true }).notNull().defaultNow(),
    /** Filled by the "photo.register" mutation: what the photo shows and where it belongs. */
    width: integer("width"),
    height: integer("height"),
    capturedAt: timestamp("captured_at", { withTimezone: true }),
    takenBy: text("taken_by"),
    location: jsonb("location"),
    purpose: text("purpose"),
    visitId: uuid("visit_id"),
    schoolId: uuid("school_id"),
  },
  (t) => [index("photos_visit_idx").on(t.visitId), index("photos_school_idx").on(t.schoolId)],
);
