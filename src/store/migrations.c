/*
 * migrations.c — the database schema as an ordered list of migrations.
 *
 * Migration N brings the schema from version N-1 to N; PRAGMA user_version
 * holds the version reached. Each migration runs in its own transaction and
 * ends by setting user_version inside its own SQL (a PRAGMA cannot take a
 * bound parameter, and SQL is never assembled at run time), so a migration
 * is applied completely or not at all. Never edit a released migration:
 * append a new one.
 */
#include "store/db.h"

#include <string.h>

#include "util/log.h"

struct migration {
	int version;
	const char *sql;
};

static const struct migration migrations[] = {
	{ 1,
	  /* Accounts, sessions, API tokens, the audit log and login attempts (R-X-2, R-X-4). */
	  "CREATE TABLE users (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  name TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(name) BETWEEN 1 AND 63),\n"
	  "  display_name TEXT NOT NULL DEFAULT '',\n"
	  "  role TEXT NOT NULL CHECK (role IN ('admin', 'recruiter', 'hiring_manager', 'interviewer')),\n"
	  "  disabled INTEGER NOT NULL DEFAULT 0 CHECK (disabled IN (0, 1)),\n"
	  "  lang TEXT NOT NULL DEFAULT '' CHECK (length(lang) < 8),\n"
	  "  password_hash TEXT NOT NULL,\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  password_changed_at INTEGER NOT NULL\n"
	  ");\n"
	  "CREATE TABLE sessions (\n"
	  "  id_hash TEXT PRIMARY KEY,\n"
	  "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	  "  csrf TEXT NOT NULL,\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  last_seen_at INTEGER NOT NULL,\n"
	  "  ip TEXT NOT NULL DEFAULT '',\n"
	  "  user_agent TEXT NOT NULL DEFAULT ''\n"
	  ") WITHOUT ROWID;\n"
	  "CREATE INDEX sessions_user ON sessions(user_id);\n"
	  "CREATE INDEX sessions_last_seen ON sessions(last_seen_at);\n"
	  "CREATE TABLE api_tokens (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	  "  label TEXT NOT NULL DEFAULT '',\n"
	  "  hash TEXT NOT NULL UNIQUE,\n"
	  "  prefix TEXT NOT NULL,\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  last_used_at INTEGER,\n"
	  "  revoked_at INTEGER\n"
	  ");\n"
	  "CREATE INDEX api_tokens_user ON api_tokens(user_id);\n"
	  /* user_id is NULL for the command line and the system. No foreign key:
	   * the log outlives what it describes. */
	  "CREATE TABLE audit_log (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  at INTEGER NOT NULL,\n"
	  "  user_id INTEGER,\n"
	  "  actor TEXT NOT NULL,\n"
	  "  ip TEXT,\n"
	  "  entity TEXT NOT NULL,\n"
	  "  entity_id INTEGER,\n"
	  "  action TEXT NOT NULL,\n"
	  "  changes TEXT CHECK (changes IS NULL OR json_valid(changes))\n"
	  ");\n"
	  "CREATE INDEX audit_log_at ON audit_log(at);\n"
	  "CREATE INDEX audit_log_entity ON audit_log(entity, entity_id);\n"
	  "CREATE TABLE login_attempts (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  at INTEGER NOT NULL,\n"
	  "  ip TEXT NOT NULL,\n"
	  "  username TEXT NOT NULL COLLATE NOCASE,\n"
	  "  ok INTEGER NOT NULL CHECK (ok IN (0, 1))\n"
	  ");\n"
	  "CREATE INDEX login_attempts_ip ON login_attempts(ip, at);\n"
	  "CREATE INDEX login_attempts_username ON login_attempts(username, at);\n"
	  "CREATE INDEX login_attempts_at ON login_attempts(at);\n"
	  "PRAGMA user_version = 1;\n" },
	{ 2,
	  /* Organisations, positions and their requirements profile: goals,
	   * requirements linked to goals, stakeholders with tier proposals,
	   * approved profile versions, custom role templates (R-ROLE-1,
	   * R-PROF-1..3, R-PROF-6..8). Enumerations are stored as their stable
	   * text codes (core/position.h, core/profile.h). */
	  "CREATE TABLE organisations (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  name TEXT NOT NULL CHECK (length(name) >= 1),\n"
	  "  website TEXT NOT NULL DEFAULT '',\n"
	  "  street TEXT NOT NULL DEFAULT '',\n"
	  "  postal_code TEXT NOT NULL DEFAULT '',\n"
	  "  city TEXT NOT NULL DEFAULT '',\n"
	  "  country TEXT NOT NULL DEFAULT 'DE',\n"
	  "  state TEXT NOT NULL DEFAULT '',\n"
	  "  logo_url TEXT NOT NULL DEFAULT '',\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  updated_at INTEGER NOT NULL\n"
	  ");\n"
	  "CREATE INDEX organisations_name ON organisations(name COLLATE NOCASE);\n"
	  /* opened_at is NULL until the status first becomes 'open'; owner_id is
	   * NULL when nobody is responsible yet. */
	  "CREATE TABLE positions (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  organisation_id INTEGER NOT NULL REFERENCES organisations(id),\n"
	  "  owner_id INTEGER REFERENCES users(id),\n"
	  "  template_key TEXT NOT NULL DEFAULT '',\n"
	  "  title TEXT NOT NULL CHECK (length(title) >= 1),\n"
	  "  department TEXT NOT NULL DEFAULT '',\n"
	  "  location TEXT NOT NULL DEFAULT '',\n"
	  "  remote TEXT NOT NULL CHECK (remote IN ('onsite', 'hybrid', 'remote')),\n"
	  "  employment TEXT NOT NULL CHECK (employment IN ('full_time', 'part_time', 'contract', 'temporary')),\n"
	  "  headcount INTEGER NOT NULL DEFAULT 1 CHECK (headcount >= 1),\n"
	  "  salary_min INTEGER NOT NULL DEFAULT 0 CHECK (salary_min >= 0),\n"
	  "  salary_max INTEGER NOT NULL DEFAULT 0 CHECK (salary_max >= 0),\n"
	  "  currency TEXT NOT NULL DEFAULT 'EUR',\n"
	  "  target_start TEXT NOT NULL DEFAULT '',\n"
	  "  status TEXT NOT NULL CHECK (status IN ('draft', 'open', 'paused', 'filled', 'closed')),\n"
	  "  challenges TEXT NOT NULL DEFAULT '',\n"
	  "  approved_version INTEGER NOT NULL DEFAULT 0 CHECK (approved_version >= 0),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  opened_at INTEGER,\n"
	  "  updated_at INTEGER NOT NULL,\n"
	  "  CHECK (salary_max = 0 OR salary_min <= salary_max)\n"
	  ");\n"
	  "CREATE INDEX positions_status ON positions(status, created_at);\n"
	  "CREATE INDEX positions_owner ON positions(owner_id);\n"
	  "CREATE INDEX positions_organisation ON positions(organisation_id);\n"
	  "CREATE TABLE goals (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('revenue', 'market_entry', 'account_development', 'free_text')),\n"
	  "  title TEXT NOT NULL DEFAULT '',\n"
	  "  revenue_amount INTEGER NOT NULL DEFAULT 0 CHECK (revenue_amount >= 0),\n"
	  "  horizon_months INTEGER NOT NULL DEFAULT 0 CHECK (horizon_months >= 0),\n"
	  "  region TEXT NOT NULL DEFAULT '',\n"
	  "  segment TEXT NOT NULL DEFAULT '',\n"
	  "  accounts TEXT NOT NULL DEFAULT '',\n"
	  "  international INTEGER NOT NULL DEFAULT 0 CHECK (international IN (0, 1)),\n"
	  "  technical_market INTEGER NOT NULL DEFAULT 0 CHECK (technical_market IN (0, 1)),\n"
	  "  notes TEXT NOT NULL DEFAULT '',\n"
	  "  sort INTEGER NOT NULL\n"
	  ");\n"
	  "CREATE INDEX goals_position ON goals(position_id, sort);\n"
	  "CREATE TABLE requirements (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('experience', 'skill', 'language', 'education', 'certificate',"
	  " 'industry', 'trait')),\n"
	  "  tier TEXT NOT NULL CHECK (tier IN ('must', 'important', 'nice')),\n"
	  "  title TEXT NOT NULL DEFAULT '',\n"
	  "  detail TEXT NOT NULL DEFAULT '',\n"
	  "  years_min INTEGER NOT NULL DEFAULT 0 CHECK (years_min >= 0),\n"
	  "  years_max INTEGER NOT NULL DEFAULT 0 CHECK (years_max >= 0),\n"
	  "  language TEXT NOT NULL DEFAULT '',\n"
	  "  level TEXT NOT NULL DEFAULT '' CHECK (level IN ('', 'A1', 'A2', 'B1', 'B2', 'C1', 'C2')),\n"
	  "  technical INTEGER NOT NULL DEFAULT 0 CHECK (technical IN (0, 1)),\n"
	  "  revenue_amount INTEGER NOT NULL DEFAULT 0 CHECK (revenue_amount >= 0),\n"
	  "  competency_key TEXT NOT NULL DEFAULT '',\n"
	  "  tier_decided INTEGER NOT NULL DEFAULT 0 CHECK (tier_decided IN (0, 1)),\n"
	  "  sort INTEGER NOT NULL,\n"
	  "  CHECK (years_max = 0 OR years_min <= years_max)\n"
	  ");\n"
	  "CREATE INDEX requirements_position ON requirements(position_id, sort);\n"
	  /* A goal and a requirement never move to another position, so a link
	   * made between rows of the same position stays within it. */
	  "CREATE TRIGGER goals_position_fixed BEFORE UPDATE OF position_id ON goals\n"
	  "WHEN NEW.position_id IS NOT OLD.position_id\n"
	  "BEGIN SELECT RAISE(ABORT, 'a goal cannot move to another position'); END;\n"
	  "CREATE TRIGGER requirements_position_fixed BEFORE UPDATE OF position_id ON requirements\n"
	  "WHEN NEW.position_id IS NOT OLD.position_id\n"
	  "BEGIN SELECT RAISE(ABORT, 'a requirement cannot move to another position'); END;\n"
	  "CREATE TABLE requirement_goals (\n"
	  "  requirement_id INTEGER NOT NULL REFERENCES requirements(id) ON DELETE CASCADE,\n"
	  "  goal_id INTEGER NOT NULL REFERENCES goals(id) ON DELETE CASCADE,\n"
	  "  PRIMARY KEY (requirement_id, goal_id)\n"
	  ") WITHOUT ROWID;\n"
	  "CREATE INDEX requirement_goals_goal ON requirement_goals(goal_id);\n"
	  "CREATE TRIGGER requirement_goals_same_position BEFORE INSERT ON requirement_goals\n"
	  "WHEN (SELECT position_id FROM requirements WHERE id = NEW.requirement_id)\n"
	  "  IS NOT (SELECT position_id FROM goals WHERE id = NEW.goal_id)\n"
	  "BEGIN SELECT RAISE(ABORT, 'requirement and goal belong to different positions'); END;\n"
	  "CREATE TRIGGER requirement_goals_no_update BEFORE UPDATE ON requirement_goals\n"
	  "BEGIN SELECT RAISE(ABORT, 'requirement links are replaced, not updated'); END;\n"
	  "CREATE TABLE stakeholders (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,\n"
	  "  user_id INTEGER REFERENCES users(id),\n"
	  "  name TEXT NOT NULL DEFAULT '',\n"
	  "  role TEXT NOT NULL CHECK (role IN ('managing_director', 'sales_head', 'cfo', 'head_of_engineering',"
	  " 'bdm', 'hr', 'other'))\n"
	  ");\n"
	  "CREATE INDEX stakeholders_position ON stakeholders(position_id);\n"
	  "CREATE INDEX stakeholders_user ON stakeholders(user_id);\n"
	  "CREATE TABLE proposals (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  stakeholder_id INTEGER NOT NULL REFERENCES stakeholders(id) ON DELETE CASCADE,\n"
	  "  requirement_id INTEGER NOT NULL REFERENCES requirements(id) ON DELETE CASCADE,\n"
	  "  tier TEXT NOT NULL CHECK (tier IN ('must', 'important', 'nice')),\n"
	  "  note TEXT NOT NULL DEFAULT '',\n"
	  "  UNIQUE (stakeholder_id, requirement_id)\n"
	  ");\n"
	  "CREATE INDEX proposals_requirement ON proposals(requirement_id);\n"
	  "CREATE TRIGGER proposals_same_position BEFORE INSERT ON proposals\n"
	  "WHEN (SELECT position_id FROM stakeholders WHERE id = NEW.stakeholder_id)\n"
	  "  IS NOT (SELECT position_id FROM requirements WHERE id = NEW.requirement_id)\n"
	  "BEGIN SELECT RAISE(ABORT, 'stakeholder and requirement belong to different positions'); END;\n"
	  /* Approved versions are append-only (R-PROF-7): the database itself
	   * refuses to change or remove one, and a position with versions cannot
	   * be deleted. approved_by is NULL for the command line. */
	  "CREATE TABLE profile_versions (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  position_id INTEGER NOT NULL REFERENCES positions(id),\n"
	  "  version INTEGER NOT NULL CHECK (version >= 1),\n"
	  "  approved_at INTEGER NOT NULL,\n"
	  "  approved_by INTEGER REFERENCES users(id),\n"
	  "  snapshot TEXT NOT NULL CHECK (json_valid(snapshot)),\n"
	  "  UNIQUE (position_id, version)\n"
	  ");\n"
	  "CREATE TRIGGER profile_versions_no_update BEFORE UPDATE ON profile_versions\n"
	  "BEGIN SELECT RAISE(ABORT, 'approved profile versions are immutable'); END;\n"
	  "CREATE TRIGGER profile_versions_no_delete BEFORE DELETE ON profile_versions\n"
	  "BEGIN SELECT RAISE(ABORT, 'approved profile versions are immutable'); END;\n"
	  /* Role templates edited or created by admins; the built-in ones are
	   * embedded data. builtin_key names the built-in a copy started from. */
	  "CREATE TABLE role_templates (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  key TEXT NOT NULL UNIQUE CHECK (length(key) BETWEEN 1 AND 47),\n"
	  "  json TEXT NOT NULL CHECK (json_valid(json)),\n"
	  "  builtin_key TEXT,\n"
	  "  updated_at INTEGER NOT NULL,\n"
	  "  updated_by INTEGER REFERENCES users(id)\n"
	  ");\n"
	  "PRAGMA user_version = 2;\n" },
	{ 3,
	  /* The job ad of a position (R-AD-1, R-AD-4): its sections, the
	   * profile version it was drafted from, whether a person edited it
	   * since, and publishing. The slug stays NULL until the first
	   * publishing and is kept when unpublished, so an address never
	   * changes hands; updated_by is NULL for the command line. */
	  "CREATE TABLE job_ads (\n"
	  "  position_id INTEGER PRIMARY KEY REFERENCES positions(id) ON DELETE CASCADE,\n"
	  "  lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),\n"
	  "  title TEXT NOT NULL DEFAULT '',\n"
	  "  intro TEXT NOT NULL DEFAULT '',\n"
	  "  tasks TEXT NOT NULL DEFAULT '',\n"
	  "  must TEXT NOT NULL DEFAULT '',\n"
	  "  nice TEXT NOT NULL DEFAULT '',\n"
	  "  offer TEXT NOT NULL DEFAULT '',\n"
	  "  culture TEXT NOT NULL DEFAULT '',\n"
	  "  process TEXT NOT NULL DEFAULT '',\n"
	  "  salary_text TEXT NOT NULL DEFAULT '',\n"
	  "  valid_through_days INTEGER NOT NULL DEFAULT 60 CHECK (valid_through_days >= 0),\n"
	  "  generated_from_version INTEGER NOT NULL DEFAULT 0 CHECK (generated_from_version >= 0),\n"
	  "  edited INTEGER NOT NULL DEFAULT 0 CHECK (edited IN (0, 1)),\n"
	  "  slug TEXT UNIQUE CHECK (slug IS NULL OR length(slug) BETWEEN 1 AND 95),\n"
	  "  date_posted TEXT,\n"
	  "  valid_through TEXT,\n"
	  "  published INTEGER NOT NULL DEFAULT 0 CHECK (published IN (0, 1)),\n"
	  "  updated_at INTEGER NOT NULL,\n"
	  "  updated_by INTEGER REFERENCES users(id),\n"
	  "  CHECK (published = 0 OR (slug IS NOT NULL AND date_posted IS NOT NULL AND valid_through IS NOT NULL))\n"
	  ");\n"
	  "CREATE INDEX job_ads_published ON job_ads(published, date_posted);\n"
	  "PRAGMA user_version = 3;\n" },
	{ 4,
	  /* Candidates, their applications to positions, the activity timeline,
	   * documents, consents, channel plans and full-text search (R-CAND-1..3,
	   * R-CAND-5, R-CHAN-2..4, R-AD-5). The *_norm columns hold the
	   * normalisations of core/candidate.h for duplicate lookup (R-CAND-5).
	   * Stage, channel, referral and rejection codes are the stable codes of
	   * core/pipeline.h and core/channels.h. */
	  "CREATE TABLE candidates (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  first_name TEXT NOT NULL DEFAULT '',\n"
	  "  last_name TEXT NOT NULL DEFAULT '',\n"
	  "  email TEXT NOT NULL DEFAULT '',\n"
	  "  phone TEXT NOT NULL DEFAULT '',\n"
	  "  current_role TEXT NOT NULL DEFAULT '',\n"
	  "  current_company TEXT NOT NULL DEFAULT '',\n"
	  "  location TEXT NOT NULL DEFAULT '',\n"
	  "  notice_period_weeks INTEGER NOT NULL DEFAULT -1 CHECK (notice_period_weeks >= -1),\n"
	  "  salary_expectation INTEGER NOT NULL DEFAULT 0 CHECK (salary_expectation >= 0),\n"
	  "  currency TEXT NOT NULL DEFAULT '',\n"
	  "  languages TEXT NOT NULL DEFAULT '',\n"
	  "  links TEXT NOT NULL DEFAULT '',\n"
	  "  tags TEXT NOT NULL DEFAULT '',\n"
	  "  channel TEXT NOT NULL DEFAULT '',\n"
	  "  referrer TEXT NOT NULL DEFAULT '',\n"
	  "  event TEXT NOT NULL DEFAULT '',\n"
	  "  email_norm TEXT NOT NULL DEFAULT '',\n"
	  "  phone_norm TEXT NOT NULL DEFAULT '',\n"
	  "  name_norm TEXT NOT NULL DEFAULT '',\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  updated_at INTEGER NOT NULL\n"
	  ");\n"
	  "CREATE INDEX candidates_email_norm ON candidates(email_norm) WHERE email_norm <> '';\n"
	  "CREATE INDEX candidates_phone_norm ON candidates(phone_norm) WHERE phone_norm <> '';\n"
	  "CREATE INDEX candidates_name_norm ON candidates(name_norm) WHERE name_norm <> '';\n"
	  "CREATE INDEX candidates_created ON candidates(created_at);\n"
	  /* One application per candidate and position. The referral columns are
	   * set only for channel 'referrals' (referrer_kind NULL otherwise);
	   * informed is 0 unanswered, 1 no, 2 yes (enum informed_answer). */
	  "CREATE TABLE applications (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  candidate_id INTEGER NOT NULL REFERENCES candidates(id),\n"
	  "  position_id INTEGER NOT NULL REFERENCES positions(id),\n"
	  "  stage TEXT NOT NULL CHECK (length(stage) BETWEEN 1 AND 31),\n"
	  "  stage_entered_at INTEGER NOT NULL,\n"
	  "  last_contact_at INTEGER,\n"
	  "  channel TEXT NOT NULL DEFAULT '',\n"
	  "  referrer_kind TEXT CHECK (referrer_kind IS NULL OR referrer_kind IN ('employee', 'partner', 'customer')),\n"
	  "  referrer_name TEXT NOT NULL DEFAULT '',\n"
	  "  referrer_user_id INTEGER REFERENCES users(id),\n"
	  "  referral_status TEXT CHECK (referral_status IS NULL OR referral_status IN ('proposed', 'contacted',"
	  " 'hired', 'bonus_paid', 'declined')),\n"
	  "  bonus_cents INTEGER NOT NULL DEFAULT 0 CHECK (bonus_cents >= 0),\n"
	  "  event TEXT NOT NULL DEFAULT '',\n"
	  "  rejection_reason TEXT NOT NULL DEFAULT '',\n"
	  "  rejection_note TEXT NOT NULL DEFAULT '',\n"
	  "  informed INTEGER NOT NULL DEFAULT 0 CHECK (informed IN (0, 1, 2)),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  UNIQUE (candidate_id, position_id)\n"
	  ");\n"
	  "CREATE INDEX applications_position ON applications(position_id, stage, stage_entered_at);\n"
	  /* The activity timeline. Notes are folded in as events of kind 'note'
	   * (no separate notes table): a note, contact or document that concerns
	   * the candidate rather than one application has application_id NULL,
	   * and candidate_id is always set so the timeline of a candidate is one
	   * indexed query. user_id is NULL for the command line and the system. */
	  "CREATE TABLE application_events (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,\n"
	  "  application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,\n"
	  "  at INTEGER NOT NULL,\n"
	  "  user_id INTEGER REFERENCES users(id),\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('stage', 'note', 'contact', 'document')),\n"
	  "  from_stage TEXT NOT NULL DEFAULT '',\n"
	  "  to_stage TEXT NOT NULL DEFAULT '',\n"
	  "  text TEXT NOT NULL DEFAULT ''\n"
	  ");\n"
	  "CREATE INDEX application_events_application ON application_events(application_id, at);\n"
	  "CREATE INDEX application_events_candidate ON application_events(candidate_id, at);\n"
	  /* Uploaded files live under stored_name (a generated id) in the data
	   * directory; original_name is shown, never used as a path. */
	  "CREATE TABLE candidate_documents (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  candidate_id INTEGER NOT NULL REFERENCES candidates(id),\n"
	  "  stored_name TEXT NOT NULL UNIQUE CHECK (length(stored_name) BETWEEN 1 AND 95),\n"
	  "  original_name TEXT NOT NULL DEFAULT '',\n"
	  "  mime TEXT NOT NULL,\n"
	  "  size INTEGER NOT NULL CHECK (size >= 0),\n"
	  "  sha256 TEXT NOT NULL,\n"
	  "  extract_status TEXT NOT NULL DEFAULT 'pending' CHECK (extract_status IN ('pending', 'ok', 'failed')),\n"
	  "  extract_error TEXT NOT NULL DEFAULT '',\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  created_by INTEGER REFERENCES users(id)\n"
	  ");\n"
	  "CREATE INDEX candidate_documents_candidate ON candidate_documents(candidate_id);\n"
	  "CREATE TABLE consents (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('privacy', 'talent_pool')),\n"
	  "  notice_version TEXT NOT NULL,\n"
	  "  given_at INTEGER NOT NULL,\n"
	  "  expires_at INTEGER\n"
	  ");\n"
	  "CREATE INDEX consents_candidate ON consents(candidate_id, kind);\n"
	  "CREATE TABLE channel_plans (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,\n"
	  "  channel TEXT NOT NULL,\n"
	  "  owner_id INTEGER REFERENCES users(id),\n"
	  "  budget_cents INTEGER NOT NULL DEFAULT 0 CHECK (budget_cents >= 0),\n"
	  "  start_date TEXT NOT NULL DEFAULT '',\n"
	  "  UNIQUE (position_id, channel)\n"
	  ");\n"
	  /* Full-text search (R-CAND-3), rowid = candidates.id. Kept in step by
	   * src/store/candidates.c and applications.c, not by triggers, so notes
	   * and extracted document text can be added explicitly. */
	  "CREATE VIRTUAL TABLE candidates_fts USING fts5(name, role, company, location, tags, notes, documents,"
	  " tokenize = 'snowball');\n"
	  "PRAGMA user_version = 4;\n" },
	{ 5,
	  /* The per-position pipeline (R-CAND-2): a position with rows here uses
	   * them instead of the default stages; kind is enum stage_kind by code.
	   * The privacy notice of the career page is versioned and append-only
	   * like approved profile versions, so every consent names the exact text
	   * it was given for (R-AD-5). public_submissions counts applications per
	   * IP for the rate limit. Extracted document text is kept with the
	   * document so a merge or re-index never needs the files (R-CAND-3). */
	  "CREATE TABLE position_stages (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,\n"
	  "  code TEXT NOT NULL CHECK (length(code) BETWEEN 1 AND 31),\n"
	  "  label TEXT NOT NULL CHECK (length(label) BETWEEN 1 AND 79),\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('active', 'hired', 'exit')),\n"
	  "  ord INTEGER NOT NULL,\n"
	  "  UNIQUE (position_id, code)\n"
	  ");\n"
	  "CREATE TABLE privacy_notices (\n"
	  "  version INTEGER PRIMARY KEY,\n"
	  "  lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),\n"
	  "  text TEXT NOT NULL CHECK (length(text) >= 1),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  created_by INTEGER REFERENCES users(id)\n"
	  ");\n"
	  "CREATE INDEX privacy_notices_lang ON privacy_notices(lang, version);\n"
	  "CREATE TRIGGER privacy_notices_no_update BEFORE UPDATE ON privacy_notices\n"
	  "BEGIN SELECT RAISE(ABORT, 'privacy notice versions are immutable'); END;\n"
	  "CREATE TRIGGER privacy_notices_no_delete BEFORE DELETE ON privacy_notices\n"
	  "BEGIN SELECT RAISE(ABORT, 'privacy notice versions are immutable'); END;\n"
	  "CREATE TABLE public_submissions (\n"
	  "  ip TEXT NOT NULL,\n"
	  "  at INTEGER NOT NULL\n"
	  ");\n"
	  "CREATE INDEX public_submissions_ip ON public_submissions(ip, at);\n"
	  "ALTER TABLE candidate_documents ADD COLUMN extracted_text TEXT NOT NULL DEFAULT '';\n"
	  "PRAGMA user_version = 5;\n" },
	{ 6,
	  /* Structured interviews, scorecards and decisions (R-INT-1..6,
	   * R-EVAL-1..4, R-GUARD-5). questions holds only the questions users
	   * add (the built-in bank is data); a question is referred to by a ref
	   * string, a built-in key or "custom.<id>", so favourites, kits and
	   * answers can name both. A round's kit is JSON text the caller keeps
	   * canonical; kit_versions are the immutable snapshots interviews were
	   * held with (R-INT-3). An interview is one application's pass through
	   * one round: interview_interviewers snapshots the round's interviewers
	   * and focus at planning time (the assignment), and its kit version must
	   * belong to its round, its round to the application's position. A
	   * submitted scorecard is final (R-INT-5): triggers refuse any change to
	   * it and to its ratings, answers and exercise ratings. Decisions are
	   * kept, never updated, and also appear in the timeline, so
	   * application_events is rebuilt with 'decision' among its kinds (SQLite
	   * cannot alter a CHECK; nothing refers to application_events, so the
	   * copy-drop-rename keeps every row and id). */
	  "CREATE TABLE questions (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  role_key TEXT NOT NULL DEFAULT '' CHECK (length(role_key) < 64),\n"
	  "  type TEXT NOT NULL CHECK (type IN ('behavioural', 'situational', 'technical', 'motivation', 'culture')),\n"
	  "  competency TEXT NOT NULL DEFAULT '' CHECK (length(competency) < 64),\n"
	  "  lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),\n"
	  "  text TEXT NOT NULL CHECK (length(text) >= 1),\n"
	  "  follow_ups TEXT NOT NULL DEFAULT '',\n"
	  "  guide_strong TEXT NOT NULL DEFAULT '',\n"
	  "  guide_weak TEXT NOT NULL DEFAULT '',\n"
	  "  created_by INTEGER REFERENCES users(id),\n"
	  "  created_at INTEGER NOT NULL\n"
	  ");\n"
	  "CREATE INDEX questions_role ON questions(role_key, type, competency);\n"
	  "CREATE TABLE question_favourites (\n"
	  "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	  "  question_ref TEXT NOT NULL CHECK (length(question_ref) BETWEEN 1 AND 63),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  PRIMARY KEY (user_id, question_ref)\n"
	  ");\n"
	  "CREATE TABLE interview_rounds (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  position_id INTEGER NOT NULL REFERENCES positions(id) ON DELETE CASCADE,\n"
	  "  ord INTEGER NOT NULL,\n"
	  "  name TEXT NOT NULL CHECK (length(name) >= 1),\n"
	  "  stage TEXT NOT NULL DEFAULT '' CHECK (length(stage) < 32),\n"
	  "  duration_minutes INTEGER NOT NULL DEFAULT 60 CHECK (duration_minutes BETWEEN 1 AND 600),\n"
	  "  kit TEXT NOT NULL DEFAULT '{\"questions\":[],\"exercises\":[]}' CHECK (json_valid(kit)),\n"
	  "  UNIQUE (position_id, ord)\n"
	  ");\n"
	  "CREATE TABLE round_interviewers (\n"
	  "  round_id INTEGER NOT NULL REFERENCES interview_rounds(id) ON DELETE CASCADE,\n"
	  "  user_id INTEGER NOT NULL REFERENCES users(id),\n"
	  "  focus TEXT NOT NULL DEFAULT '',\n"
	  "  PRIMARY KEY (round_id, user_id)\n"
	  ");\n"
	  "CREATE INDEX round_interviewers_user ON round_interviewers(user_id);\n"
	  "CREATE TABLE kit_versions (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  round_id INTEGER NOT NULL REFERENCES interview_rounds(id) ON DELETE CASCADE,\n"
	  "  version INTEGER NOT NULL CHECK (version >= 1),\n"
	  "  kit TEXT NOT NULL CHECK (json_valid(kit)),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  UNIQUE (round_id, version)\n"
	  ");\n"
	  "CREATE TRIGGER kit_versions_no_update BEFORE UPDATE ON kit_versions\n"
	  "BEGIN SELECT RAISE(ABORT, 'kit versions are immutable'); END;\n"
	  "CREATE TRIGGER kit_versions_no_delete BEFORE DELETE ON kit_versions\n"
	  "WHEN EXISTS (SELECT 1 FROM interview_rounds WHERE id = OLD.round_id)\n"
	  "BEGIN SELECT RAISE(ABORT, 'kit versions are immutable'); END;\n"
	  "CREATE TABLE interviews (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,\n"
	  "  round_id INTEGER NOT NULL REFERENCES interview_rounds(id),\n"
	  "  kit_version_id INTEGER NOT NULL REFERENCES kit_versions(id),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  created_by INTEGER REFERENCES users(id),\n"
	  "  UNIQUE (application_id, round_id)\n"
	  ");\n"
	  "CREATE INDEX interviews_round ON interviews(round_id);\n"
	  "CREATE INDEX interviews_kit_version ON interviews(kit_version_id);\n"
	  "CREATE TRIGGER interviews_same_position BEFORE INSERT ON interviews\n"
	  "WHEN (SELECT round_id FROM kit_versions WHERE id = NEW.kit_version_id) IS NOT NEW.round_id\n"
	  "  OR (SELECT position_id FROM interview_rounds WHERE id = NEW.round_id)\n"
	  "  IS NOT (SELECT position_id FROM applications WHERE id = NEW.application_id)\n"
	  "BEGIN SELECT RAISE(ABORT, 'interview round, kit version and application do not belong together'); END;\n"
	  "CREATE TRIGGER interviews_fixed BEFORE UPDATE OF application_id, round_id, kit_version_id ON interviews\n"
	  "BEGIN SELECT RAISE(ABORT, 'an interview keeps its application, round and kit version'); END;\n"
	  "CREATE TABLE interview_interviewers (\n"
	  "  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,\n"
	  "  user_id INTEGER NOT NULL REFERENCES users(id),\n"
	  "  focus TEXT NOT NULL DEFAULT '',\n"
	  "  PRIMARY KEY (interview_id, user_id)\n"
	  ");\n"
	  "CREATE INDEX interview_interviewers_user ON interview_interviewers(user_id);\n"
	  "CREATE TABLE scorecards (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  interview_id INTEGER NOT NULL REFERENCES interviews(id) ON DELETE CASCADE,\n"
	  "  user_id INTEGER NOT NULL REFERENCES users(id),\n"
	  "  status TEXT NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted')),\n"
	  "  recommendation TEXT NOT NULL DEFAULT '' CHECK (recommendation IN ('', 'strong_no', 'no', 'yes',"
	  " 'strong_yes')),\n"
	  "  notes TEXT NOT NULL DEFAULT '',\n"
	  "  candidate_questions TEXT NOT NULL DEFAULT '',\n"
	  "  candidate_questions_quality TEXT NOT NULL DEFAULT '' CHECK (candidate_questions_quality IN ('',"
	  " 'substantive', 'superficial')),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  updated_at INTEGER NOT NULL,\n"
	  "  submitted_at INTEGER,\n"
	  "  UNIQUE (interview_id, user_id),\n"
	  "  CHECK (status = 'draft' OR (submitted_at IS NOT NULL AND recommendation <> ''))\n"
	  ");\n"
	  "CREATE INDEX scorecards_user ON scorecards(user_id, status);\n"
	  "CREATE TRIGGER scorecards_submitted_no_update BEFORE UPDATE ON scorecards WHEN OLD.status = 'submitted'\n"
	  "BEGIN SELECT RAISE(ABORT, 'a submitted scorecard is final'); END;\n"
	  "CREATE TRIGGER scorecards_submitted_no_delete BEFORE DELETE ON scorecards WHEN OLD.status = 'submitted'\n"
	  "BEGIN SELECT RAISE(ABORT, 'a submitted scorecard is final'); END;\n"
	  "CREATE TABLE scorecard_ratings (\n"
	  "  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,\n"
	  "  competency TEXT NOT NULL CHECK (length(competency) BETWEEN 1 AND 63),\n"
	  "  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),\n"
	  "  notes TEXT NOT NULL DEFAULT '',\n"
	  "  PRIMARY KEY (scorecard_id, competency)\n"
	  ");\n"
	  "CREATE TABLE scorecard_answers (\n"
	  "  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,\n"
	  "  question_ref TEXT NOT NULL CHECK (length(question_ref) BETWEEN 1 AND 63),\n"
	  "  notes TEXT NOT NULL DEFAULT '',\n"
	  "  PRIMARY KEY (scorecard_id, question_ref)\n"
	  ");\n"
	  "CREATE TABLE exercise_ratings (\n"
	  "  scorecard_id INTEGER NOT NULL REFERENCES scorecards(id) ON DELETE CASCADE,\n"
	  "  exercise_key TEXT NOT NULL CHECK (length(exercise_key) BETWEEN 1 AND 63),\n"
	  "  rating INTEGER NOT NULL CHECK (rating BETWEEN 1 AND 4),\n"
	  "  notes TEXT NOT NULL DEFAULT '',\n"
	  "  PRIMARY KEY (scorecard_id, exercise_key)\n"
	  ");\n"
	  "CREATE TRIGGER scorecard_ratings_final_insert BEFORE INSERT ON scorecard_ratings\n"
	  "WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 'submitted'\n"
	  "BEGIN SELECT RAISE(ABORT, 'a submitted scorecard is final'); END;\n"
	  "CREATE TRIGGER scorecard_ratings_final_update BEFORE UPDATE ON scorecard_ratings\n"
	  "WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 'submitted'\n"
	  "  OR (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 'submitted'\n"
	  "BEGIN SELECT RAISE(ABORT, 'a submitted scorecard is final'); END;\n"
	  "CREATE TRIGGER scorecard_ratings_final_delete BEFORE DELETE ON scorecard_ratings\n"
	  "WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 'submitted'\n"
	  "BEGIN SELECT RAISE(ABORT, 'a submitted scorecard is final'); END;\n"
	  "CREATE TRIGGER scorecard_answers_final_insert BEFORE INSERT ON scorecard_answers\n"
	  "WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 'submitted'\n"
	  "BEGIN SELECT RAISE(ABORT, 'a submitted scorecard is final'); END;\n"
	  "CREATE TRIGGER scorecard_answers_final_update BEFORE UPDATE ON scorecard_answers\n"
	  "WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 'submitted'\n"
	  "  OR (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 'submitted'\n"
	  "BEGIN SELECT RAISE(ABORT, 'a submitted scorecard is final'); END;\n"
	  "CREATE TRIGGER scorecard_answers_final_delete BEFORE DELETE ON scorecard_answers\n"
	  "WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 'submitted'\n"
	  "BEGIN SELECT RAISE(ABORT, 'a submitted scorecard is final'); END;\n"
	  "CREATE TRIGGER exercise_ratings_final_insert BEFORE INSERT ON exercise_ratings\n"
	  "WHEN (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 'submitted'\n"
	  "BEGIN SELECT RAISE(ABORT, 'a submitted scorecard is final'); END;\n"
	  "CREATE TRIGGER exercise_ratings_final_update BEFORE UPDATE ON exercise_ratings\n"
	  "WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 'submitted'\n"
	  "  OR (SELECT status FROM scorecards WHERE id = NEW.scorecard_id) = 'submitted'\n"
	  "BEGIN SELECT RAISE(ABORT, 'a submitted scorecard is final'); END;\n"
	  "CREATE TRIGGER exercise_ratings_final_delete BEFORE DELETE ON exercise_ratings\n"
	  "WHEN (SELECT status FROM scorecards WHERE id = OLD.scorecard_id) = 'submitted'\n"
	  "BEGIN SELECT RAISE(ABORT, 'a submitted scorecard is final'); END;\n"
	  /* decided_by is NULL for the command line. */
	  "CREATE TABLE decisions (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  application_id INTEGER NOT NULL REFERENCES applications(id),\n"
	  "  decision TEXT NOT NULL CHECK (decision IN ('hire', 'reject')),\n"
	  "  culture_fit INTEGER NOT NULL CHECK (culture_fit BETWEEN 1 AND 4),\n"
	  "  rationale TEXT NOT NULL CHECK (length(trim(rationale)) >= 1),\n"
	  "  decided_by INTEGER REFERENCES users(id),\n"
	  "  decided_at INTEGER NOT NULL\n"
	  ");\n"
	  "CREATE INDEX decisions_application ON decisions(application_id, decided_at);\n"
	  "CREATE TRIGGER decisions_no_update BEFORE UPDATE ON decisions\n"
	  "BEGIN SELECT RAISE(ABORT, 'decisions are kept as made'); END;\n"
	  "CREATE TABLE application_events_v6 (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,\n"
	  "  application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,\n"
	  "  at INTEGER NOT NULL,\n"
	  "  user_id INTEGER REFERENCES users(id),\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('stage', 'note', 'contact', 'document', 'decision')),\n"
	  "  from_stage TEXT NOT NULL DEFAULT '',\n"
	  "  to_stage TEXT NOT NULL DEFAULT '',\n"
	  "  text TEXT NOT NULL DEFAULT ''\n"
	  ");\n"
	  "INSERT INTO application_events_v6 (id, candidate_id, application_id, at, user_id, kind, from_stage, to_stage,"
	  " text) SELECT id, candidate_id, application_id, at, user_id, kind, from_stage, to_stage, text"
	  " FROM application_events ORDER BY id;\n"
	  "DROP TABLE application_events;\n"
	  "ALTER TABLE application_events_v6 RENAME TO application_events;\n"
	  "CREATE INDEX application_events_application ON application_events(application_id, at);\n"
	  "CREATE INDEX application_events_candidate ON application_events(candidate_id, at);\n"
	  "PRAGMA user_version = 6;\n" },
	{ 7,
	  /* Timeline, guards, scheduling and communication (R-TIME-1..3,
	   * R-GUARD-1..7, R-COMM-1..2). Days are day numbers (days since
	   * 1970-01-01), times Unix seconds UTC. The interviews_fixed trigger of
	   * migration 6 names only application, round and kit version, so the
	   * scheduling columns added here stay updatable. */
	  "CREATE TABLE absences (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	  "  from_day INTEGER NOT NULL,\n"
	  "  to_day INTEGER NOT NULL,\n"
	  "  note TEXT NOT NULL DEFAULT '',\n"
	  "  created_by INTEGER REFERENCES users(id),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  CHECK (to_day >= from_day)\n"
	  ");\n"
	  "CREATE INDEX absences_user ON absences(user_id, from_day);\n"
	  "CREATE INDEX absences_days ON absences(from_day, to_day);\n"
	  "ALTER TABLE interviews ADD COLUMN starts_at INTEGER;\n"
	  "ALTER TABLE interviews ADD COLUMN duration_minutes INTEGER"
	  " CHECK (duration_minutes IS NULL OR duration_minutes BETWEEN 1 AND 600);\n"
	  "ALTER TABLE interviews ADD COLUMN location TEXT NOT NULL DEFAULT '';\n"
	  "ALTER TABLE interviews ADD COLUMN video_link TEXT NOT NULL DEFAULT '';\n"
	  "ALTER TABLE interviews ADD COLUMN scheduled_by INTEGER REFERENCES users(id);\n"
	  "ALTER TABLE interviews ADD COLUMN scheduled_at INTEGER;\n"
	  "ALTER TABLE interviews ADD COLUMN ics_sequence INTEGER NOT NULL DEFAULT 0 CHECK (ics_sequence >= 0);\n"
	  "ALTER TABLE interviews ADD COLUMN cancelled_at INTEGER;\n"
	  "CREATE INDEX interviews_starts_at ON interviews(starts_at);\n"
	  "CREATE TABLE calendar_tokens (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  user_id INTEGER NOT NULL REFERENCES users(id) ON DELETE CASCADE,\n"
	  "  token_hash TEXT NOT NULL UNIQUE,\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  revoked_at INTEGER\n"
	  ");\n"
	  /* At most one active token per user. */
	  "CREATE UNIQUE INDEX calendar_tokens_active ON calendar_tokens(user_id) WHERE revoked_at IS NULL;\n"
	  "CREATE TABLE hiring_plans (\n"
	  "  position_id INTEGER PRIMARY KEY REFERENCES positions(id) ON DELETE CASCADE,\n"
	  "  start_day INTEGER NOT NULL,\n"
	  "  phase_weeks TEXT NOT NULL DEFAULT '' CHECK (phase_weeks = '' OR json_valid(phase_weeks)),\n"
	  "  note TEXT NOT NULL DEFAULT ''\n"
	  ");\n"
	  "CREATE TABLE challenge_disclosures (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,\n"
	  "  disclosed_at INTEGER NOT NULL,\n"
	  "  disclosed_by INTEGER REFERENCES users(id),\n"
	  "  note TEXT NOT NULL DEFAULT ''\n"
	  ");\n"
	  "CREATE INDEX challenge_disclosures_application ON challenge_disclosures(application_id);\n"
	  "CREATE TABLE message_templates (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('acknowledgement', 'invitation', 'interim', 'rejection', 'offer')),\n"
	  "  lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),\n"
	  "  subject TEXT NOT NULL CHECK (length(subject) >= 1),\n"
	  "  body TEXT NOT NULL CHECK (length(body) >= 1),\n"
	  "  updated_by INTEGER REFERENCES users(id),\n"
	  "  updated_at INTEGER NOT NULL,\n"
	  "  UNIQUE (kind, lang)\n"
	  ");\n"
	  "CREATE TABLE outbox (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  candidate_id INTEGER NOT NULL REFERENCES candidates(id) ON DELETE CASCADE,\n"
	  "  application_id INTEGER REFERENCES applications(id) ON DELETE CASCADE,\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('acknowledgement', 'invitation', 'interim', 'rejection', 'offer')),\n"
	  "  lang TEXT NOT NULL CHECK (lang IN ('de', 'en')),\n"
	  "  to_address TEXT NOT NULL CHECK (length(to_address) >= 1),\n"
	  "  subject TEXT NOT NULL,\n"
	  "  body TEXT NOT NULL,\n"
	  "  status TEXT NOT NULL CHECK (status IN ('queued', 'sending', 'sent', 'failed', 'manual')),\n"
	  "  attempts INTEGER NOT NULL DEFAULT 0 CHECK (attempts >= 0),\n"
	  "  next_attempt_at INTEGER,\n"
	  "  last_error TEXT NOT NULL DEFAULT '',\n"
	  "  created_by INTEGER REFERENCES users(id),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  sent_at INTEGER\n"
	  ");\n"
	  "CREATE INDEX outbox_due ON outbox(status, next_attempt_at);\n"
	  "CREATE INDEX outbox_candidate ON outbox(candidate_id, created_at);\n"
	  "PRAGMA user_version = 7;\n" },
	{ 8,
	  /* Offers and the 90-day onboarding (R-OFFER-1, R-TIME-4, R-ONB-1..5).
	   * Amounts are whole EUR per year, days are day numbers (days since
	   * 1970-01-01), times Unix seconds UTC; *_by columns are NULL for the
	   * command line. An offer has versions, the negotiation history: a
	   * version is immutable except for its approval, which is given once.
	   * An application has at most one open (draft or sent) offer, and a
	   * closed offer stays as it was closed. A hire is an accepted offer;
	   * its candidate_id follows the application when candidates are merged.
	   * The onboarding plan (tasks, weekly check-ins, goals, reviews) and the
	   * key accounts belong to a hire and go with it. */
	  "CREATE TABLE budget_bands (\n"
	  "  position_id INTEGER PRIMARY KEY REFERENCES positions(id) ON DELETE CASCADE,\n"
	  "  min_salary INTEGER NOT NULL CHECK (min_salary >= 0),\n"
	  "  max_salary INTEGER NOT NULL,\n"
	  "  currency TEXT NOT NULL DEFAULT 'EUR' CHECK (currency = 'EUR'),\n"
	  "  set_by INTEGER REFERENCES users(id),\n"
	  "  set_at INTEGER NOT NULL,\n"
	  "  CHECK (max_salary >= min_salary)\n"
	  ");\n"
	  "CREATE TABLE offers (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  application_id INTEGER NOT NULL REFERENCES applications(id) ON DELETE CASCADE,\n"
	  "  status TEXT NOT NULL DEFAULT 'draft'"
	  " CHECK (status IN ('draft', 'sent', 'accepted', 'declined', 'withdrawn')),\n"
	  "  created_by INTEGER REFERENCES users(id),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  closed_at INTEGER,\n"
	  "  CHECK ((status IN ('draft', 'sent')) = (closed_at IS NULL))\n"
	  ");\n"
	  "CREATE INDEX offers_application ON offers(application_id, created_at);\n"
	  "CREATE UNIQUE INDEX offers_open ON offers(application_id) WHERE status IN ('draft', 'sent');\n"
	  "CREATE TRIGGER offers_closed_final BEFORE UPDATE ON offers"
	  " WHEN OLD.status IN ('accepted', 'declined', 'withdrawn')\n"
	  "BEGIN SELECT RAISE(ABORT, 'a closed offer is final'); END;\n"
	  "CREATE TABLE offer_versions (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  offer_id INTEGER NOT NULL REFERENCES offers(id) ON DELETE CASCADE,\n"
	  "  version INTEGER NOT NULL CHECK (version >= 1),\n"
	  "  fixed_salary INTEGER NOT NULL CHECK (fixed_salary >= 0),\n"
	  "  variable_salary INTEGER NOT NULL DEFAULT 0 CHECK (variable_salary >= 0),\n"
	  "  benefits TEXT NOT NULL DEFAULT '',\n"
	  "  start_day INTEGER,\n"
	  "  contract_type TEXT NOT NULL CHECK (contract_type IN ('permanent_full_time', 'permanent_part_time',"
	  " 'fixed_term_full_time', 'fixed_term_part_time')),\n"
	  "  notice_rule TEXT NOT NULL CHECK (notice_rule IN ('weeks_to_15_or_month_end', 'weeks_to_month_end',"
	  " 'weeks_to_quarter_end', 'weeks_plain')),\n"
	  "  notice_weeks INTEGER NOT NULL DEFAULT 0 CHECK (notice_weeks BETWEEN 0 AND 104),\n"
	  "  note TEXT NOT NULL DEFAULT '',\n"
	  "  approved_by INTEGER REFERENCES users(id),\n"
	  "  approved_at INTEGER,\n"
	  "  created_by INTEGER REFERENCES users(id),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  UNIQUE (offer_id, version),\n"
	  "  CHECK (approved_by IS NULL OR approved_at IS NOT NULL)\n"
	  ");\n"
	  "CREATE TRIGGER offer_versions_no_update BEFORE UPDATE OF id, offer_id, version, fixed_salary,"
	  " variable_salary, benefits, start_day, contract_type, notice_rule, notice_weeks, note, created_by,"
	  " created_at ON offer_versions\n"
	  "BEGIN SELECT RAISE(ABORT, 'offer versions are immutable'); END;\n"
	  "CREATE TRIGGER offer_versions_approved_once BEFORE UPDATE OF approved_by, approved_at ON offer_versions"
	  " WHEN OLD.approved_at IS NOT NULL\n"
	  "BEGIN SELECT RAISE(ABORT, 'an offer version is approved once'); END;\n"
	  "CREATE TRIGGER offer_versions_no_delete BEFORE DELETE ON offer_versions\n"
	  "WHEN EXISTS (SELECT 1 FROM offers WHERE id = OLD.offer_id)\n"
	  "BEGIN SELECT RAISE(ABORT, 'offer versions are immutable'); END;\n"
	  "CREATE TABLE hires (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  application_id INTEGER NOT NULL UNIQUE REFERENCES applications(id),\n"
	  "  candidate_id INTEGER NOT NULL REFERENCES candidates(id),\n"
	  "  position_id INTEGER NOT NULL REFERENCES positions(id),\n"
	  "  start_day INTEGER,\n"
	  "  user_id INTEGER REFERENCES users(id),\n"
	  "  manager_user_id INTEGER REFERENCES users(id),\n"
	  "  created_at INTEGER NOT NULL,\n"
	  "  created_by INTEGER REFERENCES users(id)\n"
	  ");\n"
	  "CREATE INDEX hires_candidate ON hires(candidate_id);\n"
	  "CREATE INDEX hires_position ON hires(position_id);\n"
	  "CREATE INDEX hires_user ON hires(user_id);\n"
	  "CREATE INDEX hires_manager ON hires(manager_user_id);\n"
	  "CREATE TRIGGER hires_follow_candidate AFTER UPDATE OF candidate_id ON applications\n"
	  "BEGIN UPDATE hires SET candidate_id = NEW.candidate_id WHERE application_id = NEW.id; END;\n"
	  "CREATE TABLE onboarding_tasks (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  hire_id INTEGER NOT NULL REFERENCES hires(id) ON DELETE CASCADE,\n"
	  "  phase TEXT NOT NULL CHECK (phase IN ('week1', 'weeks2_4', 'month2', 'month3')),\n"
	  "  title TEXT NOT NULL CHECK (length(title) >= 1),\n"
	  "  description TEXT NOT NULL DEFAULT '',\n"
	  "  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('new_hire', 'manager', 'previous_owner', 'engineering')),\n"
	  "  owner_user_id INTEGER REFERENCES users(id),\n"
	  "  due_day INTEGER NOT NULL,\n"
	  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'skipped')),\n"
	  "  done_at INTEGER,\n"
	  "  done_by INTEGER REFERENCES users(id),\n"
	  "  ord INTEGER NOT NULL DEFAULT 0,\n"
	  "  CHECK ((status = 'open') = (done_at IS NULL))\n"
	  ");\n"
	  "CREATE INDEX onboarding_tasks_hire ON onboarding_tasks(hire_id, due_day, ord);\n"
	  "CREATE TABLE onboarding_checkins (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  hire_id INTEGER NOT NULL REFERENCES hires(id) ON DELETE CASCADE,\n"
	  "  week INTEGER NOT NULL CHECK (week BETWEEN 1 AND 12),\n"
	  "  day INTEGER NOT NULL,\n"
	  "  time_minutes INTEGER NOT NULL DEFAULT 600 CHECK (time_minutes BETWEEN 0 AND 1439),\n"
	  "  notes TEXT NOT NULL DEFAULT '',\n"
	  "  done INTEGER NOT NULL DEFAULT 0 CHECK (done IN (0, 1)),\n"
	  "  UNIQUE (hire_id, week)\n"
	  ");\n"
	  "CREATE TABLE onboarding_goals (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  hire_id INTEGER NOT NULL REFERENCES hires(id) ON DELETE CASCADE,\n"
	  "  kind TEXT NOT NULL CHECK (kind IN ('customers_met', 'product_knowledge', 'first_successes', 'other')),\n"
	  "  title TEXT NOT NULL CHECK (length(title) >= 1),\n"
	  "  target TEXT NOT NULL DEFAULT '',\n"
	  "  status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'on_track', 'at_risk', 'reached')),\n"
	  "  note TEXT NOT NULL DEFAULT ''\n"
	  ");\n"
	  "CREATE INDEX onboarding_goals_hire ON onboarding_goals(hire_id);\n"
	  "CREATE TABLE onboarding_reviews (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  hire_id INTEGER NOT NULL REFERENCES hires(id) ON DELETE CASCADE,\n"
	  "  day_mark INTEGER NOT NULL CHECK (day_mark IN (30, 60, 90)),\n"
	  "  due_day INTEGER NOT NULL,\n"
	  "  notes TEXT NOT NULL DEFAULT '',\n"
	  "  done_at INTEGER,\n"
	  "  done_by INTEGER REFERENCES users(id),\n"
	  "  UNIQUE (hire_id, day_mark)\n"
	  ");\n"
	  "CREATE TABLE key_accounts (\n"
	  "  id INTEGER PRIMARY KEY,\n"
	  "  hire_id INTEGER NOT NULL REFERENCES hires(id) ON DELETE CASCADE,\n"
	  "  name TEXT NOT NULL CHECK (length(name) >= 1),\n"
	  "  annual_revenue INTEGER NOT NULL DEFAULT 0 CHECK (annual_revenue >= 0),\n"
	  "  priority INTEGER NOT NULL DEFAULT 1 CHECK (priority >= 1),\n"
	  "  previous_owner_user_id INTEGER REFERENCES users(id),\n"
	  "  previous_owner_name TEXT NOT NULL DEFAULT '',\n"
	  "  notes TEXT NOT NULL DEFAULT '',\n"
	  "  handover_day INTEGER,\n"
	  "  handover_status TEXT NOT NULL DEFAULT 'planned'"
	  " CHECK (handover_status IN ('planned', 'introduced', 'handed_over'))\n"
	  ");\n"
	  "CREATE INDEX key_accounts_hire ON key_accounts(hire_id, priority, annual_revenue);\n"
	  "CREATE INDEX key_accounts_previous_owner ON key_accounts(previous_owner_user_id);\n"
	  "PRAGMA user_version = 8;\n" },
};

#define MIGRATION_COUNT ((int)(sizeof migrations / sizeof migrations[0]))

int store_schema_latest(void)
{
	return MIGRATION_COUNT;
}

int store_schema_version(struct store *s)
{
	struct db_stmt st;
	int version = -1;
	db_prepare(s, &st, "PRAGMA user_version");
	if (db_step(&st) == DB_ROW)
		version = (int)db_column_int64(&st, 0);
	db_finalize(&st);
	return version;
}

bool store_has_fts5(struct store *s)
{
	struct db_stmt st;
	char option[128];
	bool found = false;
	db_prepare(s, &st, "PRAGMA compile_options");
	while (!found && db_step(&st) == DB_ROW) {
		db_column_text_copy(&st, 0, option, sizeof option);
		found = strcmp(option, "ENABLE_FTS5") == 0;
	}
	db_finalize(&st);
	return found;
}

/* Applies migration m unless another process got there first. The version
 * is re-read inside the write transaction, so two processes migrating at the
 * same time cannot apply a migration twice. */
static enum store_rc migration_apply(struct store *s, const struct migration *m)
{
	enum store_rc rc = store_begin(s);
	if (rc != STORE_OK)
		return rc;
	int version = store_schema_version(s);
	if (version < 0) {
		rc = STORE_ERROR;
		goto cleanup;
	}
	if (version >= m->version)
		goto cleanup;
	if ((rc = db_exec_script_literal(s, "a schema migration", m->sql)) != STORE_OK) {
		log_error("schema migration %d failed; the database stays at version %d", m->version, version);
		goto cleanup;
	}
	if (store_schema_version(s) != m->version) {
		log_error("schema migration %d did not set user_version to %d", m->version, m->version);
		rc = STORE_ERROR;
		goto cleanup;
	}
	log_info("database schema migrated to version %d", m->version);
cleanup:
	if (rc == STORE_OK)
		return store_commit(s);
	store_rollback(s);
	return rc;
}

enum store_rc store_migrate(struct store *s, int *from_version, int *to_version)
{
	enum store_rc rc = STORE_OK;
	int from = store_schema_version(s);
	if (from_version)
		*from_version = from;
	if (to_version)
		*to_version = from;
	if (from < 0)
		return STORE_ERROR;
	if (from > MIGRATION_COUNT) {
		log_error("database schema version %d is newer than this program knows (%d)", from, MIGRATION_COUNT);
		return STORE_ERROR;
	}
	if (!store_has_fts5(s))
		log_warn("this SQLite build lacks FTS5; full-text search will not work");
	for (int i = 0; i < MIGRATION_COUNT && rc == STORE_OK; i++) {
		if (migrations[i].version <= from)
			continue;
		rc = migration_apply(s, &migrations[i]);
	}
	if (to_version)
		*to_version = store_schema_version(s);
	return rc;
}
