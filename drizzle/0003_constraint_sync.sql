CREATE TABLE "constraint_sync_dirty" (
	"shop" text NOT NULL,
	"company_location_gid" text NOT NULL,
	"marked_at" timestamp with time zone DEFAULT clock_timestamp() NOT NULL,
	CONSTRAINT "constraint_sync_dirty_shop_company_location_gid_pk" PRIMARY KEY("shop","company_location_gid")
);
--> statement-breakpoint
CREATE TABLE "metafield_sync_state" (
	"shop" text NOT NULL,
	"owner_gid" text NOT NULL,
	"key" text NOT NULL,
	"value_hash" text NOT NULL,
	"compare_digest" text,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metafield_sync_state_shop_owner_gid_key_pk" PRIMARY KEY("shop","owner_gid","key")
);
--> statement-breakpoint
CREATE INDEX "constraint_sync_dirty_shop_idx" ON "constraint_sync_dirty" USING btree ("shop","marked_at");