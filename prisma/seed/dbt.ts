// The demo's dbt project, written by the project's manifest generator (dbt's manifest schema v12). It documents
// the warehouse's client schemas with what dbt adds (owners, tests, materializations and the model graph) and
// repeats the database's own comments as its descriptions, so the demo's texts stay what they were.
import { generateManifest, uniqueId, type GenModel } from "@/lib/dbt/generate-manifest";

export const DBT_PROJECT = "acme_analytics";

const src = (schema: string, name: string, description: string, columns: GenModel["columns"] = []): GenModel => ({ kind: "source", sourceName: schema, schema, name, description, columns });

export function demoDbtModels(): GenModel[] {
  const orders = src("northwind", "orders", "One row per customer order.", [
    { name: "order_id", description: "Primary key.", tests: ["unique", "not_null"] },
    { name: "customer_id", description: "References customers.customer_id.", tests: ["not_null", "relationships"] },
    { name: "order_date", description: "Day the order was placed.", tests: ["not_null"] },
  ]);
  const customers = src("northwind", "customers", "Companies that buy from Northwind.", [{ name: "customer_id", description: "Primary key.", tests: ["unique", "not_null"] }]);
  const invoices = src("globex", "invoices", "Invoices issued to Globex accounts.", [{ name: "invoice_id", description: "Primary key.", tests: ["unique", "not_null"] }]);
  return [
    orders,
    customers,
    invoices,
    {
      kind: "model",
      schema: "northwind",
      name: "monthly_sales",
      description: "Orders and revenue per month.",
      materialized: "view",
      owner: "analytics-engineering@acme.test",
      columns: [{ name: "month", tests: ["unique", "not_null"] }],
      dependsOn: [uniqueId(DBT_PROJECT, orders)],
    },
  ];
}

export function demoDbtManifest(): object {
  return generateManifest({ project: DBT_PROJECT, database: "analytics", models: demoDbtModels() });
}
