CREATE TYPE "public"."catalog_import_status" AS ENUM('exporting', 'loading', 'merging', 'completed', 'failed');--> statement-breakpoint
CREATE TABLE "catalog_import_rejects" (
	"import_id" uuid NOT NULL,
	"line_no" bigint NOT NULL,
	"reason" text NOT NULL,
	"line" text NOT NULL,
	CONSTRAINT "catalog_import_rejects_import_id_line_no_pk" PRIMARY KEY("import_id","line_no")
);
--> statement-breakpoint
CREATE TABLE "catalog_import_segments" (
	"import_id" uuid NOT NULL,
	"segment_no" integer NOT NULL,
	"byte_start" bigint NOT NULL,
	"byte_end" bigint NOT NULL,
	"first_line" bigint NOT NULL,
	"line_count" integer NOT NULL,
	"first_seq" bigint NOT NULL,
	CONSTRAINT "catalog_import_segments_import_id_segment_no_pk" PRIMARY KEY("import_id","segment_no")
);
--> statement-breakpoint
CREATE TABLE "catalog_imports" (
	"id" uuid PRIMARY KEY NOT NULL,
	"shop" text NOT NULL,
	"workflow_id" text NOT NULL,
	"status" "catalog_import_status" DEFAULT 'exporting' NOT NULL,
	"trigger" text NOT NULL,
	"bulk_operation_id" text,
	"export_started_at" timestamp with time zone,
	"file_bytes" bigint,
	"bytes_loaded" bigint DEFAULT 0 NOT NULL,
	"lines_loaded" bigint DEFAULT 0 NOT NULL,
	"rejected_lines" integer DEFAULT 0 NOT NULL,
	"stats" jsonb,
	"error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "product_metafields" (
	"shop" text NOT NULL,
	"owner_gid" text NOT NULL,
	"namespace" text NOT NULL,
	"key" text NOT NULL,
	"type" text NOT NULL,
	"value" text NOT NULL,
	"shopify_updated_at" timestamp with time zone NOT NULL,
	"source_event_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "product_metafields_shop_owner_gid_namespace_key_pk" PRIMARY KEY("shop","owner_gid","namespace","key")
);
--> statement-breakpoint
ALTER TABLE "catalog_import_rejects" ADD CONSTRAINT "catalog_import_rejects_import_id_catalog_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."catalog_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "catalog_import_segments" ADD CONSTRAINT "catalog_import_segments_import_id_catalog_imports_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."catalog_imports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_imports_one_active_per_shop_idx" ON "catalog_imports" USING btree ("shop") WHERE "catalog_imports"."status" IN ('exporting', 'loading', 'merging');--> statement-breakpoint
CREATE UNIQUE INDEX "catalog_imports_bulk_operation_idx" ON "catalog_imports" USING btree ("bulk_operation_id");--> statement-breakpoint
CREATE INDEX "catalog_imports_shop_created_idx" ON "catalog_imports" USING btree ("shop","created_at");