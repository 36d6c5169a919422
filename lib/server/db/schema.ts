/**
 * The one PostgreSQL schema (Drizzle pg-core): better-auth's tables and the app's tables.
 * Rows stay inside lib/server; repositories map them to lib/domain types.
 * Migrations are generated from this file (`npm run db:generate`) and never edited after they land.
 */
import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  date,
  foreignKey,
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
  /** Role "city": the city whose districts the account reads. */
  cityId: uuid("city_id"),
  phone: text("phone").notNull().default(""),
  /** Set by a password reset; the app opens nothing but 修改密码 until it is cleared. */
  mustChangePassword: boolean("must_change_password").notNull().default(false),
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

/**
 * One row per wrong password, keyed by account and client (lib/server/auth/lockout.ts): the sliding
 * window and the progressive delay are computed from these rows, so every app instance sees them.
 */
export const passwordFailures = pgTable(
  "password_failures",
  {
    id: bigint("id", { mode: "number" }).primaryKey().generatedAlwaysAsIdentity(),
    username: text("username").notNull(),
    client: text("client").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
  },
  (t) => [index("password_failures_account_idx").on(t.username, t.client, t.at)],
);

/** better-auth's per-IP rate-limit counters (`rateLimit.storage: "database"`), shared by every instance. */
export const rateLimit = pgTable("rate_limit", {
  id: text("id").primaryKey(),
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

// ── Organisation ───────────────────────────────────────────────────────────────────────────────

/** 市: optional; a district may belong to one, and a 市级督导室 account reads all of its districts. */
export const cities = pgTable("cities", {
  id: uuid("id").primaryKey(),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  active: boolean("active").notNull().default(true),
  createdAt: createdAt(),
});

export const districts = pgTable("districts", {
  id: uuid("id").primaryKey(),
  cityId: uuid("city_id").references(() => cities.id),
  /** Deactivated rather than deleted: its history stays. */
  active: boolean("active").notNull().default(true),
  code: text("code").notNull().unique(),
  name: text("name").notNull(),
  /** Printed before 〔年〕第N号 on notices, e.g. "示范区督改". */
  noticePrefix: text("notice_prefix").notNull(),
  /** The district's deadline policy per severity (lib/domain/template/deadline-policy.ts); null = defaults. */
  deadlinePolicy: jsonb("deadline_policy"),
  /** Template codes a 挂牌督导 visit proposes (office settings); null = none configured. */
  routineTemplates: jsonb("routine_templates"),
  /** The district's 挂牌督导 rule (lib/domain/plan/visit-rule.ts); null = the default. */
  visitRule: jsonb("visit_rule"),
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
    active: boolean("active").notNull().default(true),
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
  (t) => [
    primaryKey({ columns: [t.zoneId, t.userId] }),
    index("zone_inspectors_user_idx").on(t.userId),
  ],
);

export const schools = pgTable(
  "schools",
  {
    id: uuid("id").primaryKey(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    /** Null until the office puts the school in a 督学责任区 (an import may come before the zones). */
    zoneId: uuid("zone_id").references(() => zones.id),
    code: text("code").notNull(),
    name: text("name").notNull(),
    address: text("address").notNull().default(""),
    principal: text("principal").notNull().default(""),
    /** 联系人 for notices; `phone` is their number. */
    contact: text("contact").notNull().default(""),
    phone: text("phone").notNull().default(""),
    /** Deactivated instead of deleted: a school with history stays, out of packs and new visits. */
    isActive: boolean("is_active").notNull().default(true),
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
 * at most one draft per code is being edited at a time. A code belongs to one owner: the national
 * library (district_id null) or one district, and every row of the code carries it.
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
    /** When the version was retired: visits pinned before then keep it (lib/domain/template/library.ts). */
    retiredAt: timestamp("retired_at", { withTimezone: true }),
    /** The owning district; null = the national library, which no office may change. */
    districtId: uuid("district_id").references(() => districts.id),
    /** TemplateRef | null: the national version a district's copy was made from. */
    forkedFrom: jsonb("forked_from"),
    createdBy: text("created_by"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    changeSeq: changeSeqColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.code, t.version] }),
    index("templates_district_idx").on(t.districtId),
  ],
);

/**
 * A district's adoption of a national template, pinned at one version: what its inspectors get for
 * new visits. Moving it to a newer version is an update of the row; stopping deletes it.
 */
export const districtTemplates = pgTable(
  "district_templates",
  {
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    code: text("code").notNull(),
    version: integer("version").notNull(),
    adoptedAt: timestamp("adopted_at", { withTimezone: true }).notNull(),
    adoptedBy: text("adopted_by"),
  },
  (t) => [
    primaryKey({ columns: [t.districtId, t.code] }),
    foreignKey({
      columns: [t.code, t.version],
      foreignColumns: [templates.code, templates.version],
    }),
  ],
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
    /**
     * Set on an annotated copy: the photo it was drawn on, which is kept beside it (the copy is the
     * evidence), and the marks drawn (AnnotationShape[]), so the phone can edit them again.
     */
    originalId: text("original_id"),
    annotationShapes: jsonb("annotation_shapes"),
  },
  (t) => [index("photos_visit_idx").on(t.visitId), index("photos_school_idx").on(t.schoolId)],
);

// ── Rectification: 整改通知书 and 整改事项 (issue #5) ──────────────────────────────────────────────

/**
 * The last 整改通知书 serial per district and year. Issuing a notice locks its row until the
 * transaction ends, so serials follow commit order with no gaps and no repeats.
 */
export const noticeCounters = pgTable(
  "notice_counters",
  {
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    year: integer("year").notNull(),
    lastSerial: integer("last_serial").notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.year] })],
);

/** One 整改通知书 per submitted visit with findings. */
export const notices = pgTable(
  "notices",
  {
    id: uuid("id").primaryKey(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => visits.id),
    /** China calendar year of issue; with `serial` it makes the number 〔year〕第serial号. */
    year: integer("year").notNull(),
    serial: integer("serial").notNull(),
    /** As printed, e.g. "示范督改〔2026〕第12号". */
    number: text("number").notNull(),
    issuedAt: timestamp("issued_at", { withTimezone: true }).notNull(),
    /** The inspector whose submitted visit produced the notice. */
    issuedBy: text("issued_by")
      .notNull()
      .references(() => user.id),
    /** Read receipt: the school account's first opening. */
    readAt: timestamp("read_at", { withTimezone: true }),
    readBy: text("read_by").references(() => user.id),
  },
  (t) => [
    uniqueIndex("notices_visit_idx").on(t.visitId),
    uniqueIndex("notices_number_idx").on(t.number),
    uniqueIndex("notices_district_serial_idx").on(t.districtId, t.year, t.serial),
    index("notices_school_idx").on(t.schoolId, t.issuedAt),
    // The notice lists' keyset pages, newest first: per district (an office) and overall.
    index("notices_district_issued_idx").on(t.districtId, t.issuedAt, t.id),
    index("notices_issued_idx").on(t.issuedAt, t.id),
    // "N 份未读" without reading every notice, and the ledger's search by notice number (pg_trgm).
    index("notices_unread_idx")
      .on(t.districtId)
      .where(sql`${t.readAt} is null`),
    index("notices_number_search_idx").using("gin", sql`${t.number} gin_trgm_ops`),
  ],
);

/**
 * 整改事项: one per finding, the current state of lib/domain/rectification's RectificationItem.
 * Changed only by the rectification service, which appends an event per change (below).
 */
export const rectificationItems = pgTable(
  "rectification_items",
  {
    id: uuid("id").primaryKey(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    visitId: uuid("visit_id")
      .notNull()
      .references(() => visits.id),
    /**
     * The visit's inspector, copied when the item is opened (a visit's inspector never changes):
     * the office's figures by inspector then read the items alone, not the wide visits table.
     */
    inspectorId: text("inspector_id").notNull(),
    noticeId: uuid("notice_id").references(() => notices.id),
    templateCode: text("template_code").notNull(),
    templateVersion: integer("template_version").notNull(),
    itemCode: text("item_code").notNull(),
    section: text("section").notNull(),
    prompt: text("prompt").notNull(),
    basis: text("basis").notNull(),
    severity: text("severity").notNull(),
    description: text("description").notNull(),
    requiredAction: text("required_action").notNull(),
    mode: text("mode").notNull(),
    /** China calendar date; null for 立行立改. Overdue is derived from it, never stored. */
    dueDate: date("due_date", { mode: "string" }),
    status: text("status").notNull(),
    /** Photo ids (SHA-256) of the finding, and the inspector's "after" photos. */
    photoIds: jsonb("photo_ids").notNull(),
    afterPhotoIds: jsonb("after_photo_ids").notNull(),
    /** SchoolResponse | null, ExtensionRequest | null, Escalation[] (lib/domain/rectification). */
    response: jsonb("response"),
    extension: jsonb("extension"),
    escalations: jsonb("escalations").notNull(),
    returnReason: text("return_reason"),
    cancelReason: text("cancel_reason"),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    /** Equals the seq of the item's latest event; clients send it back as expectedVersion. */
    version: integer("version").notNull(),
    changeSeq: changeSeqColumn(),
  },
  (t) => [
    uniqueIndex("rectification_items_finding_idx").on(t.visitId, t.templateCode, t.itemCode),
    index("rectification_items_school_idx").on(t.schoolId, t.status),
    index("rectification_items_district_status_idx").on(t.districtId, t.status),
    index("rectification_items_due_idx").on(t.dueDate),
    index("rectification_items_notice_idx").on(t.noticeId),
    index("rectification_items_change_seq_idx").on(t.changeSeq),
    // 屡查屡犯: was the same item of the same school closed before this finding?
    index("rectification_items_repeat_idx")
      .on(t.schoolId, t.itemCode, t.closedAt)
      .where(sql`${t.status} = 'closed'`),
    // A pull reads the items of the schools in scope past the cursor.
    index("rectification_items_school_change_seq_idx").on(t.schoolId, t.changeSeq),
    // The 台账's keyset pages (lib/server/repositories/rectification/ledger-query.ts): by finding date within a
    // district (an office) or overall (a city or the admin), and by due date, 立行立改 last (one
    // index for all: a district's rows are found along it soon enough).
    index("rectification_items_district_created_idx").on(t.districtId, t.createdAt, t.id),
    index("rectification_items_created_idx").on(t.createdAt, t.id),
    index("rectification_items_due_sort_idx").on(
      sql`coalesce(${t.dueDate}, '9999-12-31'::date)`,
      t.id,
    ),
    // The 台账's search (pg_trgm): what an item says, for ILIKE '%…%'.
    index("rectification_items_search_idx").using(
      "gin",
      sql`(${t.description} || ' ' || ${t.prompt} || ' ' || ${t.itemCode}) gin_trgm_ops`,
    ),
    // The review queue: only items awaiting a decision, oldest request first.
    index("rectification_items_review_idx")
      .on(
        t.districtId,
        sql`least(case when ${t.status} = 'submitted' then (${t.response}->>'submittedAt')::bigint end, (${t.extension}->>'requestedAt')::bigint)`,
        t.id,
      )
      .where(sql`${t.status} = 'submitted' or ${t.extension} is not null`),
  ],
);

/**
 * The office's figures read these three tables, never the wide rectification_items; all three are
 * written only by the triggers of migration 0012 (same transaction as the item's change, whoever
 * writes it: the rectification service, a sync push, the seeders), so they are always current.
 *
 * One narrow row per item: what the dashboard filters and counts by, and whether it is a 屡查屡犯
 * repeat (an item of the same check item was closed at the school before this one was found).
 */
export const rectificationItemFacts = pgTable(
  "rectification_item_facts",
  {
    itemId: uuid("item_id")
      .primaryKey()
      .references(() => rectificationItems.id, { onDelete: "cascade" }),
    districtId: uuid("district_id").notNull(),
    schoolId: uuid("school_id").notNull(),
    inspectorId: text("inspector_id").notNull(),
    /** The checklist's domain; '' when its template is unknown. */
    domain: text("domain").notNull(),
    severity: text("severity").notNull(),
    status: text("status").notNull(),
    itemCode: text("item_code").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull(),
    /** China calendar days of the finding, the 销号 and the school's report. */
    foundOn: date("found_on", { mode: "string" }).notNull(),
    closedOn: date("closed_on", { mode: "string" }),
    dueDate: date("due_date", { mode: "string" }),
    reportedOn: date("reported_on", { mode: "string" }),
    repeat: boolean("repeat").notNull(),
  },
  (t) => [
    index("rectification_item_facts_pair_idx").on(t.schoolId, t.itemCode, t.createdAt),
    index("rectification_item_facts_found_idx").on(t.districtId, t.foundOn),
    index("rectification_item_facts_inspector_idx").on(t.inspectorId),
    // Overdue is counted at read time (it depends on today), over the open items only; 屡查屡犯
    // over the repeats. Each index holds every column the dashboard reads and filters them by, so
    // a city's ~25k open items and ~17k repeats are read from the index alone (index-only scans).
    index("rectification_item_facts_open_idx")
      .on(
        t.districtId,
        t.schoolId,
        t.inspectorId,
        t.domain,
        t.severity,
        t.foundOn,
        t.status,
        t.dueDate,
        t.reportedOn,
      )
      .where(sql`${t.status} in ('pending', 'in_progress', 'submitted', 'returned')`),
    index("rectification_item_facts_repeat_idx")
      .on(t.districtId, t.schoolId, t.itemCode, t.inspectorId, t.domain, t.severity, t.foundOn)
      .where(sql`${t.repeat} and ${t.status} <> 'cancelled'`),
  ],
);

/**
 * Per school and check item: when an item of it was first closed. Its row is also the lock that
 * queues a finding and a 销号 of the same pair, so neither misses the other's repeat.
 */
export const rectificationFirstClosures = pgTable(
  "rectification_first_closures",
  {
    schoolId: uuid("school_id").notNull(),
    itemCode: text("item_code").notNull(),
    firstClosedAt: timestamp("first_closed_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.schoolId, t.itemCode] })],
);

/**
 * The items' counts that do not depend on today, summed per district, figure dimension
 * (`all`, `zone`, `school`, `inspector`, `found` and `closed` month) and key, domain and severity,
 * and again over all domains and severities (domain = severity = '*'). Overdue depends on today
 * and is counted from the open items' facts at read time.
 */
export const rectificationTallies = pgTable(
  "rectification_tallies",
  {
    districtId: uuid("district_id").notNull(),
    dim: text("dim").notNull(),
    key: text("key").notNull(),
    domain: text("domain").notNull(),
    severity: text("severity").notNull(),
    total: integer("total").notNull(),
    closed: integer("closed").notNull(),
    cancelled: integer("cancelled").notNull(),
    closedOnTime: integer("closed_on_time").notNull(),
    closeDays: integer("close_days").notNull(),
  },
  (t) => [primaryKey({ columns: [t.districtId, t.domain, t.severity, t.dim, t.key] })],
);

/**
 * Every change of every item, append-only and hash-chained per item (lib/domain/rectification/
 * events.ts). Never updated or deleted; `actor_id` has no foreign key so history outlives accounts.
 */
export const rectificationEvents = pgTable(
  "rectification_events",
  {
    id: uuid("id").primaryKey(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => rectificationItems.id),
    seq: integer("seq").notNull(),
    type: text("type").notNull(),
    actorId: text("actor_id").notNull(),
    actorRole: text("actor_role").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    payload: jsonb("payload").notNull(),
    prevHash: text("prev_hash").notNull(),
    hash: text("hash").notNull(),
  },
  (t) => [uniqueIndex("rectification_events_item_seq_idx").on(t.itemId, t.seq)],
);

// ── Sync: visits, their answers, and applied mutation ids (issue #4) ─────────────────────────────

/**
 * A 督导检查 as lib/domain/visit's Visit: created and changed only by the sync push applying the
 * inspector's mutations with applyVisitMutation. Times are epoch ms in the domain, timestamptz here.
 */
export const visits = pgTable(
  "visits",
  {
    id: uuid("id").primaryKey(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
    inspectorId: text("inspector_id")
      .notNull()
      .references(() => user.id),
    kind: text("kind").notNull(),
    /** The 专项督查 the visit was made for; null for every other visit. */
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    /** TemplateRef[]: the pinned code@version of each checklist. */
    templates: jsonb("templates").notNull(),
    /** Section ids (`code/section`) the inspector left out; null on visits from before. */
    excludedSections: jsonb("excluded_sections"),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    /** GeoPoint | null. */
    location: jsonb("location"),
    summary: text("summary").notNull(),
    /** VisitSignatures: photo ids of the drawn signatures with the signers' names. */
    signatures: jsonb("signatures").notNull(),
    status: text("status").notNull(),
    submittedAt: timestamp("submitted_at", { withTimezone: true }),
    /** ItemRef[]: applicable items left unanswered (未检查), set when the submit is accepted. */
    unchecked: jsonb("unchecked"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull(),
    changeSeq: changeSeqColumn(),
  },
  (t) => [
    index("visits_inspector_idx").on(t.inspectorId, t.status),
    // Each school's latest submitted visit, for the visit pack.
    index("visits_school_idx").on(t.schoolId, t.status, t.startedAt),
    // A pull finds the inspector's own visits first, then their changes past the cursor.
    index("visits_inspector_change_seq_idx").on(t.inspectorId, t.changeSeq),
    // The office's visit list (keyset on started_at, id) and the monthly coverage ranges.
    index("visits_district_started_idx").on(t.districtId, t.startedAt, t.id),
    // A city's or the admin's visit list pages across districts, newest first.
    index("visits_started_idx").on(t.startedAt, t.id),
    index("visits_campaign_idx").on(t.campaignId, t.schoolId),
    // The dashboard's 督导覆盖: a month's submitted visits, read from the index alone.
    index("visits_submitted_started_idx")
      .on(t.startedAt, t.schoolId, t.inspectorId)
      .where(sql`${t.status} = 'submitted'`),
  ],
);

// ── Plans: 专项督查 campaigns (issue #11) ─────────────────────────────────────────────────────────

/**
 * A 专项督查 the office runs: checklists, a date window and inspectors, with its target schools
 * resolved when it is created (campaign_schools), so progress is a join, not a re-evaluation.
 */
export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey(),
    districtId: uuid("district_id")
      .notNull()
      .references(() => districts.id),
    name: text("name").notNull(),
    /** string[]: the template codes the visits check (the district's offered version of each). */
    templateCodes: jsonb("template_codes").notNull(),
    /** CampaignTarget (lib/domain/plan/campaign.schema.ts): how the schools were chosen. */
    target: jsonb("target").notNull(),
    startsOn: date("starts_on", { mode: "string" }).notNull(),
    endsOn: date("ends_on", { mode: "string" }).notNull(),
    /** string[] of user ids; empty = each target school's 责任督学. */
    inspectorIds: jsonb("inspector_ids").notNull(),
    createdBy: text("created_by").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("campaigns_district_idx").on(t.districtId, t.endsOn)],
);

/** The schools a campaign must visit. */
export const campaignSchools = pgTable(
  "campaign_schools",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id, { onDelete: "cascade" }),
    schoolId: uuid("school_id")
      .notNull()
      .references(() => schools.id),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.schoolId] }),
    index("campaign_schools_school_idx").on(t.schoolId),
  ],
);

/** One answer per visit, template and item (lib/domain/visit's VisitAnswer); a later save replaces it. */
export const visitAnswers = pgTable(
  "visit_answers",
  {
    visitId: uuid("visit_id")
      .notNull()
      .references(() => visits.id),
    templateCode: text("template_code").notNull(),
    itemCode: text("item_code").notNull(),
    result: text("result"),
    /** number | string | null: a reading, a choice value or a text answer. */
    value: jsonb("value"),
    note: text("note").notNull(),
    photoIds: jsonb("photo_ids").notNull(),
    /** FindingChoice | null: the inspector's severity and rectification plan for a finding. */
    finding: jsonb("finding"),
    answeredAt: timestamp("answered_at", { withTimezone: true }).notNull(),
    changeSeq: changeSeqColumn(),
  },
  (t) => [
    primaryKey({ columns: [t.visitId, t.templateCode, t.itemCode] }),
    // A pull reads the answers of the inspector's visits past the cursor.
    index("visit_answers_visit_change_seq_idx").on(t.visitId, t.changeSeq),
  ],
);

/**
 * Ids of the mutations a push APPLIED, so a retried push answers `duplicate` and changes nothing.
 * Rejected ids are not kept: the same mutation sent again is judged again (lib/sync/protocol.ts).
 */
export const processedMutations = pgTable(
  "processed_mutations",
  {
    id: uuid("id").notNull(),
    /** Ids are the phone's; keyed with their author so one user's id can never match another's mutation. */
    userId: text("user_id").notNull(),
    name: text("name").notNull(),
    appliedAt: timestamp("applied_at", { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.id] })],
);

// ── Audit log (issue #8) ──────────────────────────────────────────────────────────────────────

/**
 * Who changed which role, scope or assignment, when, and before → after (lib/domain/org/people.ts).
 * Append-only; `actor_id` and `target_id` have no foreign keys so the log outlives accounts.
 * `district_id` is the district the change belongs to, for the office's filtered view.
 */
export const auditLog = pgTable(
  "audit_log",
  {
    id: uuid("id").primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull(),
    actorId: text("actor_id").notNull(),
    action: text("action").notNull(),
    targetId: text("target_id").notNull(),
    targetLabel: text("target_label").notNull(),
    districtId: uuid("district_id"),
    before: jsonb("before"),
    after: jsonb("after"),
  },
  (t) => [
    index("audit_log_district_at_idx").on(t.districtId, t.at),
    index("audit_log_at_idx").on(t.at),
  ],
);
