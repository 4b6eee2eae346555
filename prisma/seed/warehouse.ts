// The demo warehouse: real schemas, tables and views created in the console's own database and ingested through
// the same catalog sync as any PostgreSQL integration. Comments become descriptions; `team` and `tags` are what
// an admin would set in the console afterwards.

type Column = { name: string; type: string; comment?: string; nullable?: boolean; primaryKey?: boolean };
type Relation = { name: string; comment: string; tags?: string[]; columns: Column[]; view?: string };
type Schema = { name: string; comment: string; team?: string; relations: Relation[] };

const pk = (name: string, type: string, comment = "Primary key."): Column => ({ name, type, comment, primaryKey: true });
const c = (name: string, type: string, comment = "", nullable = false): Column => ({ name, type, comment, nullable });

export const DEMO_DATABASE = { name: "analytics", description: "Production analytics database, refreshed nightly at 02:00 UTC." };

export const demoWarehouse: Schema[] = [
  {
    name: "northwind",
    team: "Northwind",
    comment: "Orders, customers and products of the **Northwind Traders** account.",
    relations: [
      {
        name: "orders",
        comment: "One row per customer order.",
        tags: ["pii-free", "core"],
        columns: [
          pk("order_id", "integer"),
          c("customer_id", "text", "References customers.customer_id."),
          c("order_date", "date", "Day the order was placed."),
          c("ship_country", "text", "Destination country.", true),
          c("freight", "numeric(10,2)", "Shipping cost in USD.", true),
        ],
      },
      {
        name: "customers",
        comment: "Companies that buy from Northwind.",
        tags: ["pii"],
        columns: [pk("customer_id", "text"), c("company_name", "text"), c("contact_name", "text", "Main contact.", true), c("country", "text", "", true)],
      },
      {
        name: "products",
        comment: "Catalogue of products on sale.",
        columns: [pk("product_id", "integer"), c("product_name", "text"), c("unit_price", "numeric(10,2)", "List price in USD."), c("discontinued", "boolean")],
      },
      {
        name: "monthly_sales",
        comment: "Orders and revenue per month.",
        columns: [c("month", "date"), c("orders", "integer"), c("revenue", "numeric(12,2)")],
        view: `SELECT date_trunc('month', order_date)::date AS month, count(*)::integer AS orders, sum(freight)::numeric(12,2) AS revenue
                 FROM northwind.orders GROUP BY 1`,
      },
    ],
  },
  {
    name: "globex",
    team: "Globex",
    comment: "Billing and product usage of the **Globex Corporation** account.",
    relations: [
      {
        name: "invoices",
        comment: "Invoices issued to Globex accounts.",
        tags: ["billing"],
        columns: [pk("invoice_id", "uuid"), c("account_id", "uuid", "References accounts.account_id."), c("amount", "numeric(12,2)", "Invoiced amount in USD."), c("issued_at", "timestamptz")],
      },
      {
        name: "accounts",
        comment: "Globex business units that are billed separately.",
        columns: [pk("account_id", "uuid"), c("account_name", "text"), c("region", "text", "", true)],
      },
      {
        name: "usage_events",
        comment: "Product events streamed from the Globex tenant.",
        columns: [pk("event_id", "bigint"), c("account_id", "uuid"), c("event_type", "text"), c("occurred_at", "timestamptz")],
      },
    ],
  },
  {
    name: "initech",
    team: "Initech",
    comment: "Operations data of the **Initech** account.",
    relations: [
      {
        name: "tps_reports",
        comment: "Weekly TPS reports with their cover sheets.",
        columns: [pk("report_id", "integer"), c("employee_id", "integer"), c("cover_sheet", "boolean", "Whether the new cover sheet was attached."), c("submitted_at", "timestamptz")],
      },
      {
        name: "employees",
        comment: "Initech staff directory extract.",
        tags: ["pii"],
        columns: [pk("employee_id", "integer"), c("full_name", "text"), c("department", "text", "", true), c("hired_on", "date")],
      },
      {
        name: "equipment",
        comment: "Office equipment inventory.",
        columns: [pk("equipment_id", "integer"), c("owner_id", "integer", "", true), c("kind", "text")],
      },
    ],
  },
  {
    name: "shared",
    team: "General",
    comment: "Reference data used by every team.",
    relations: [
      {
        name: "calendar",
        comment: "One row per day, with fiscal periods.",
        columns: [pk("date_key", "date"), c("day_of_week", "smallint"), c("fiscal_quarter", "text"), c("is_holiday", "boolean")],
      },
      {
        name: "currencies",
        comment: "ISO currencies and their daily USD rate.",
        columns: [pk("code", "char(3)", "ISO 4217 code."), c("name", "text"), c("usd_rate", "numeric(18,8)")],
      },
      {
        name: "fx_invoices",
        comment: "Globex invoices with their amount in every currency.",
        columns: [c("invoice_id", "uuid"), c("currency", "char(3)"), c("amount", "numeric(14,2)", "Invoiced amount in this currency.")],
        view: `SELECT i.invoice_id, c.code AS currency, (i.amount * c.usd_rate)::numeric(14,2) AS amount
                 FROM globex.invoices i CROSS JOIN shared.currencies c`,
      },
      {
        name: "countries",
        comment: "ISO countries and sales regions.",
        columns: [pk("iso_code", "char(2)", "ISO 3166-1 alpha-2."), c("name", "text"), c("region", "text")],
      },
    ],
  },
  {
    name: "finance",
    comment: "Internal revenue and cost figures. Admins only.",
    relations: [
      {
        name: "revenue",
        comment: "Recognised revenue per account and month.",
        tags: ["confidential"],
        columns: [c("month", "date"), c("account", "text"), c("amount", "numeric(14,2)")],
      },
      {
        name: "costs",
        comment: "Operating costs per category and month.",
        tags: ["confidential"],
        columns: [c("month", "date"), c("category", "text"), c("amount", "numeric(14,2)")],
      },
      {
        name: "gross_margin",
        comment: "Revenue minus direct costs, per account.",
        tags: ["confidential"],
        columns: [c("month", "date"), c("account", "text"), c("margin", "numeric(14,2)")],
        view: `SELECT month, account, sum(amount)::numeric(14,2) AS margin FROM finance.revenue GROUP BY month, account`,
      },
      {
        name: "client_revenue",
        comment: "Revenue per client and month, across the client schemas.",
        tags: ["confidential"],
        columns: [c("month", "date"), c("client", "text"), c("revenue", "numeric(14,2)")],
        view: `SELECT date_trunc('month', o.order_date)::date AS month, 'Northwind'::text AS client, sum(o.freight)::numeric(14,2) AS revenue
                 FROM northwind.orders o GROUP BY 1
               UNION ALL
               SELECT date_trunc('month', i.issued_at)::date, 'Globex', sum(i.amount)::numeric(14,2)
                 FROM globex.invoices i GROUP BY 1`,
      },
    ],
  },
];

const ident = (s: string) => `"${s.replace(/"/g, '""')}"`;
const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** The DDL that lays the warehouse; idempotent, so a second seeded workspace reads the same schemas. */
export function warehouseDdl(schemas: Schema[] = demoWarehouse): string[] {
  const out: string[] = [];
  for (const s of schemas) {
    out.push(`CREATE SCHEMA IF NOT EXISTS ${ident(s.name)}`, `COMMENT ON SCHEMA ${ident(s.name)} IS ${literal(s.comment)}`);
    for (const r of s.relations.filter((r) => !r.view)) {
      const cols = r.columns.map((col) => `${ident(col.name)} ${col.type}${col.primaryKey ? " PRIMARY KEY" : col.nullable ? "" : " NOT NULL"}`);
      out.push(`CREATE TABLE IF NOT EXISTS ${ident(s.name)}.${ident(r.name)} (${cols.join(", ")})`);
    }
  }
  // Views after every table: a view may read another schema's table.
  for (const s of schemas) {
    for (const r of s.relations) {
      const rel = `${ident(s.name)}.${ident(r.name)}`;
      if (r.view) out.push(`CREATE OR REPLACE VIEW ${rel} AS ${r.view}`);
      out.push(`COMMENT ON ${r.view ? "VIEW" : "TABLE"} ${rel} IS ${literal(r.comment)}`);
      for (const col of r.columns) if (col.comment) out.push(`COMMENT ON COLUMN ${rel}.${ident(col.name)} IS ${literal(col.comment)}`);
    }
  }
  return out;
}
