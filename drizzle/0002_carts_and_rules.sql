CREATE TYPE "public"."cart_draft_status" AS ENUM('creating', 'created', 'completed', 'invoiced', 'deleted');--> statement-breakpoint
CREATE TYPE "public"."cart_group_status" AS ENUM('received', 'invalid', 'creating', 'awaiting_approval', 'completing', 'completed', 'cancelling', 'rejected', 'expired', 'failed');--> statement-breakpoint
CREATE TABLE "approver_locations" (
	"approver_id" uuid NOT NULL,
	"company_location_gid" text NOT NULL,
	CONSTRAINT "approver_locations_approver_id_company_location_gid_pk" PRIMARY KEY("approver_id","company_location_gid")
);
--> statement-breakpoint
CREATE TABLE "approvers" (
	"id" uuid PRIMARY KEY NOT NULL,
	"shop" text NOT NULL,
	"name" text NOT NULL,
	"email" text,
	"token_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disabled_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cart_drafts" (
	"group_id" uuid NOT NULL,
	"draft_index" integer NOT NULL,
	"status" "cart_draft_status" DEFAULT 'creating' NOT NULL,
	"draft_order_gid" text,
	"name" text,
	"order_gid" text,
	"line_count" integer NOT NULL,
	"total" numeric(20, 4),
	"attempts" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cart_drafts_group_id_draft_index_pk" PRIMARY KEY("group_id","draft_index")
);
--> statement-breakpoint
CREATE TABLE "cart_groups" (
	"id" uuid PRIMARY KEY NOT NULL,
	"shop" text NOT NULL,
	"idempotency_key" text NOT NULL,
	"request_hash" text NOT NULL,
	"workflow_id" text NOT NULL,
	"status" "cart_group_status" DEFAULT 'received' NOT NULL,
	"company_location_gid" text NOT NULL,
	"company_contact_gid" text,
	"email" text,
	"po_number" text,
	"note" text,
	"shipping_address" jsonb,
	"shipping" jsonb,
	"line_count" integer NOT NULL,
	"subtotal" numeric(20, 4),
	"discount_total" numeric(20, 4),
	"shipping_total" numeric(20, 4),
	"total" numeric(20, 4),
	"currency_code" text,
	"plan" jsonb,
	"approval_required" boolean,
	"approval_reason" text,
	"approval_deadline" timestamp with time zone,
	"approval_decision" jsonb,
	"reminder_sent_at" timestamp with time zone,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "cart_lines" (
	"group_id" uuid NOT NULL,
	"line_no" integer NOT NULL,
	"sku" text,
	"variant_gid" text,
	"quantity" integer NOT NULL,
	"title" text,
	"list_price" numeric(20, 4),
	"unit_price" numeric(20, 4),
	"discount_per_unit" numeric(20, 4),
	"location_gid" text,
	"backordered" boolean,
	"draft_index" integer,
	"problem" text,
	CONSTRAINT "cart_lines_group_id_line_no_pk" PRIMARY KEY("group_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "company_location_settings" (
	"shop" text NOT NULL,
	"company_location_gid" text NOT NULL,
	"requires_approval" boolean DEFAULT false NOT NULL,
	"approval_threshold" numeric(20, 4),
	"credit_limit" numeric(20, 4),
	"open_balance" numeric(20, 4) DEFAULT '0' NOT NULL,
	"allowed_location_gids" text[],
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "company_location_settings_shop_company_location_gid_pk" PRIMARY KEY("shop","company_location_gid")
);
--> statement-breakpoint
CREATE TABLE "negotiated_price_required" (
	"shop" text NOT NULL,
	"product_gid" text NOT NULL,
	CONSTRAINT "negotiated_price_required_shop_product_gid_pk" PRIMARY KEY("shop","product_gid")
);
--> statement-breakpoint
CREATE TABLE "negotiated_prices" (
	"shop" text NOT NULL,
	"company_location_gid" text NOT NULL,
	"variant_gid" text NOT NULL,
	"min_quantity" integer DEFAULT 1 NOT NULL,
	"price" numeric(20, 4) NOT NULL,
	CONSTRAINT "negotiated_prices_shop_company_location_gid_variant_gid_min_quantity_pk" PRIMARY KEY("shop","company_location_gid","variant_gid","min_quantity")
);
--> statement-breakpoint
CREATE TABLE "quantity_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quantity_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"shop" text NOT NULL,
	"company_location_gid" text,
	"scope_type" text NOT NULL,
	"scope_gid" text NOT NULL,
	"min_quantity" integer,
	"max_quantity" integer,
	"increment" integer,
	CONSTRAINT "quantity_rules_scope_type" CHECK ("quantity_rules"."scope_type" IN ('variant', 'product')),
	CONSTRAINT "quantity_rules_positive" CHECK (coalesce("quantity_rules"."min_quantity", 1) >= 1 AND coalesce("quantity_rules"."max_quantity", 1) >= 1 AND coalesce("quantity_rules"."increment", 1) >= 1)
);
--> statement-breakpoint
CREATE TABLE "quota_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quota_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"shop" text NOT NULL,
	"company_location_gid" text NOT NULL,
	"scope_type" text NOT NULL,
	"scope_gid" text NOT NULL,
	"period" text NOT NULL,
	"max_quantity" integer NOT NULL,
	CONSTRAINT "quota_rules_scope_type" CHECK ("quota_rules"."scope_type" IN ('variant', 'product')),
	CONSTRAINT "quota_rules_period" CHECK ("quota_rules"."period" IN ('day', 'week', 'month', 'quarter', 'year')),
	CONSTRAINT "quota_rules_max" CHECK ("quota_rules"."max_quantity" >= 0)
);
--> statement-breakpoint
CREATE TABLE "warehouse_routes" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warehouse_routes_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"shop" text NOT NULL,
	"country_code" text,
	"province_code" text,
	"location_gids" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "shops" ADD COLUMN "currency_code" text;--> statement-breakpoint
ALTER TABLE "approver_locations" ADD CONSTRAINT "approver_locations_approver_id_approvers_id_fk" FOREIGN KEY ("approver_id") REFERENCES "public"."approvers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_drafts" ADD CONSTRAINT "cart_drafts_group_id_cart_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."cart_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cart_lines" ADD CONSTRAINT "cart_lines_group_id_cart_groups_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."cart_groups"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "approvers_token_hash_idx" ON "approvers" USING btree ("token_hash");--> statement-breakpoint
CREATE UNIQUE INDEX "cart_drafts_draft_order_idx" ON "cart_drafts" USING btree ("draft_order_gid");--> statement-breakpoint
CREATE UNIQUE INDEX "cart_groups_idempotency_idx" ON "cart_groups" USING btree ("shop","idempotency_key");--> statement-breakpoint
CREATE INDEX "cart_groups_pending_idx" ON "cart_groups" USING btree ("shop","company_location_gid") WHERE "cart_groups"."status" = 'awaiting_approval';--> statement-breakpoint
CREATE UNIQUE INDEX "quantity_rules_scope_idx" ON "quantity_rules" USING btree ("shop",coalesce("company_location_gid", ''),"scope_type","scope_gid");--> statement-breakpoint
CREATE UNIQUE INDEX "quota_rules_scope_idx" ON "quota_rules" USING btree ("shop","company_location_gid","scope_type","scope_gid","period");--> statement-breakpoint
CREATE UNIQUE INDEX "warehouse_routes_region_idx" ON "warehouse_routes" USING btree ("shop",coalesce("country_code", ''),coalesce("province_code", ''));