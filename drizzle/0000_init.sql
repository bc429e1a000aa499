CREATE TYPE "public"."inbox_status" AS ENUM('pending', 'started', 'processed', 'ignored', 'dead');--> statement-breakpoint
CREATE TABLE "shops" (
	"domain" text PRIMARY KEY NOT NULL,
	"access_token" text,
	"installed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"uninstalled_at" timestamp with time zone,
	"redacted_at" timestamp with time zone,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "webhook_inbox" (
	"webhook_id" text PRIMARY KEY NOT NULL,
	"shop" text NOT NULL,
	"topic" text NOT NULL,
	"api_version" text NOT NULL,
	"event_id" text,
	"triggered_at" timestamp with time zone,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"status" "inbox_status" DEFAULT 'pending' NOT NULL,
	"payload" jsonb NOT NULL,
	"payload_bytes" integer NOT NULL,
	"workflow_id" text NOT NULL,
	"relay_attempts" integer DEFAULT 0 NOT NULL,
	"next_relay_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_error" text,
	"processed_at" timestamp with time zone,
	"replay_count" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "webhook_inbox_payload_is_object" CHECK (jsonb_typeof("webhook_inbox"."payload") = 'object')
);
--> statement-breakpoint
CREATE TABLE "inventory_levels" (
	"shop" text NOT NULL,
	"inventory_item_gid" text NOT NULL,
	"location_gid" text NOT NULL,
	"available" integer NOT NULL,
	"shopify_updated_at" timestamp with time zone NOT NULL,
	"source_event_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inventory_levels_shop_inventory_item_gid_location_gid_pk" PRIMARY KEY("shop","inventory_item_gid","location_gid")
);
--> statement-breakpoint
CREATE TABLE "locations" (
	"shop" text NOT NULL,
	"gid" text NOT NULL,
	"name" text NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"country_code" text,
	"province_code" text,
	"shopify_updated_at" timestamp with time zone NOT NULL,
	"source_event_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "locations_shop_gid_pk" PRIMARY KEY("shop","gid")
);
--> statement-breakpoint
CREATE TABLE "product_variants" (
	"shop" text NOT NULL,
	"gid" text NOT NULL,
	"product_gid" text NOT NULL,
	"sku" text,
	"title" text,
	"price" numeric(20, 4) NOT NULL,
	"compare_at_price" numeric(20, 4),
	"inventory_item_gid" text,
	"position" integer,
	"shopify_updated_at" timestamp with time zone NOT NULL,
	"source_event_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "product_variants_shop_gid_pk" PRIMARY KEY("shop","gid")
);
--> statement-breakpoint
CREATE TABLE "products" (
	"shop" text NOT NULL,
	"gid" text NOT NULL,
	"title" text NOT NULL,
	"handle" text,
	"status" text NOT NULL,
	"vendor" text,
	"product_type" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"shopify_updated_at" timestamp with time zone NOT NULL,
	"source_event_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "products_shop_gid_pk" PRIMARY KEY("shop","gid")
);
--> statement-breakpoint
CREATE TABLE "companies" (
	"shop" text NOT NULL,
	"gid" text NOT NULL,
	"name" text NOT NULL,
	"external_id" text,
	"note" text,
	"main_contact_gid" text,
	"shopify_updated_at" timestamp with time zone NOT NULL,
	"source_event_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "companies_shop_gid_pk" PRIMARY KEY("shop","gid")
);
--> statement-breakpoint
CREATE TABLE "company_locations" (
	"shop" text NOT NULL,
	"gid" text NOT NULL,
	"company_gid" text,
	"name" text NOT NULL,
	"external_id" text,
	"country_code" text,
	"province_code" text,
	"shipping_address" jsonb,
	"billing_address" jsonb,
	"shopify_updated_at" timestamp with time zone NOT NULL,
	"source_event_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "company_locations_shop_gid_pk" PRIMARY KEY("shop","gid")
);
--> statement-breakpoint
CREATE TABLE "customers" (
	"shop" text NOT NULL,
	"gid" text NOT NULL,
	"email" text,
	"first_name" text,
	"last_name" text,
	"phone" text,
	"state" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"shopify_updated_at" timestamp with time zone NOT NULL,
	"source_event_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	"deleted_at" timestamp with time zone,
	CONSTRAINT "customers_shop_gid_pk" PRIMARY KEY("shop","gid")
);
--> statement-breakpoint
CREATE TABLE "order_line_items" (
	"shop" text NOT NULL,
	"gid" text NOT NULL,
	"order_gid" text NOT NULL,
	"position" integer NOT NULL,
	"variant_gid" text,
	"product_gid" text,
	"sku" text,
	"title" text NOT NULL,
	"quantity" integer NOT NULL,
	"price" numeric(20, 4) NOT NULL,
	"total_discount" numeric(20, 4) DEFAULT '0' NOT NULL,
	CONSTRAINT "order_line_items_shop_gid_pk" PRIMARY KEY("shop","gid")
);
--> statement-breakpoint
CREATE TABLE "orders" (
	"shop" text NOT NULL,
	"gid" text NOT NULL,
	"name" text,
	"email" text,
	"customer_gid" text,
	"company_gid" text,
	"company_location_gid" text,
	"po_number" text,
	"currency" text NOT NULL,
	"subtotal_price" numeric(20, 4),
	"total_price" numeric(20, 4) NOT NULL,
	"total_tax" numeric(20, 4),
	"financial_status" text,
	"fulfillment_status" text,
	"tags" text[] DEFAULT '{}' NOT NULL,
	"line_count" integer NOT NULL,
	"shopify_created_at" timestamp with time zone NOT NULL,
	"processed_at" timestamp with time zone,
	"cancelled_at" timestamp with time zone,
	"shopify_updated_at" timestamp with time zone NOT NULL,
	"source_event_at" timestamp with time zone NOT NULL,
	"synced_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "orders_shop_gid_pk" PRIMARY KEY("shop","gid")
);
--> statement-breakpoint
CREATE TABLE "compliance_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"shop" text NOT NULL,
	"topic" text NOT NULL,
	"webhook_id" text NOT NULL,
	"customer_gid" text,
	"held_data" jsonb,
	"action_summary" jsonb NOT NULL,
	"completed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_requests_webhookId_unique" UNIQUE("webhook_id")
);
--> statement-breakpoint
CREATE TABLE "shopify_api_buckets" (
	"shop" text PRIMARY KEY NOT NULL,
	"available" real NOT NULL,
	"maximum" real NOT NULL,
	"restore_rate" real NOT NULL,
	"at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "shopify_api_leases" (
	"lease_id" uuid PRIMARY KEY NOT NULL,
	"shop" text NOT NULL,
	"cost" integer NOT NULL,
	"expires_at" timestamp (3) with time zone NOT NULL
);
--> statement-breakpoint
CREATE INDEX "webhook_inbox_pending_idx" ON "webhook_inbox" USING btree ("next_relay_at") WHERE "webhook_inbox"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "webhook_inbox_shop_topic_received_idx" ON "webhook_inbox" USING btree ("shop","topic","received_at");--> statement-breakpoint
CREATE INDEX "webhook_inbox_dead_idx" ON "webhook_inbox" USING btree ("received_at") WHERE "webhook_inbox"."status" = 'dead';--> statement-breakpoint
CREATE INDEX "inventory_levels_location_idx" ON "inventory_levels" USING btree ("shop","location_gid");--> statement-breakpoint
CREATE UNIQUE INDEX "product_variants_shop_sku_live_idx" ON "product_variants" USING btree ("shop","sku") WHERE "product_variants"."sku" IS NOT NULL AND "product_variants"."sku" <> '' AND "product_variants"."deleted_at" IS NULL;--> statement-breakpoint
CREATE INDEX "product_variants_product_idx" ON "product_variants" USING btree ("shop","product_gid");--> statement-breakpoint
CREATE INDEX "product_variants_inventory_item_idx" ON "product_variants" USING btree ("shop","inventory_item_gid");--> statement-breakpoint
CREATE INDEX "company_locations_company_idx" ON "company_locations" USING btree ("shop","company_gid");--> statement-breakpoint
CREATE INDEX "order_line_items_order_idx" ON "order_line_items" USING btree ("shop","order_gid");--> statement-breakpoint
CREATE INDEX "order_line_items_variant_idx" ON "order_line_items" USING btree ("shop","variant_gid");--> statement-breakpoint
CREATE INDEX "orders_company_location_processed_idx" ON "orders" USING btree ("shop","company_location_gid","processed_at");--> statement-breakpoint
CREATE INDEX "orders_customer_idx" ON "orders" USING btree ("shop","customer_gid");--> statement-breakpoint
CREATE INDEX "shopify_api_leases_shop_idx" ON "shopify_api_leases" USING btree ("shop","expires_at");