// The demo catalog: a warehouse, a BI tool, documents and glossary terms. `team` names the team a node is
// assigned to (its descendants inherit); nodes without one are visible to admins only unless an ancestor is.
import type { ResourceType } from "@/lib/generated/prisma/enums";

export type SeedNode = {
  type: ResourceType;
  name: string;
  description?: string;
  tags?: string[];
  meta?: Record<string, unknown>;
  team?: string;
  children?: SeedNode[];
};

const col = (name: string, dataType: string, description = "", nullable = false): SeedNode => ({
  type: "COLUMN",
  name,
  description,
  meta: { dataType, nullable },
});

const table = (name: string, description: string, columns: SeedNode[], type: ResourceType = "TABLE", tags: string[] = []): SeedNode => ({
  type,
  name,
  description,
  tags,
  children: columns,
});

export const demoCatalog: SeedNode[] = [
  {
    type: "INTEGRATION",
    name: "Warehouse",
    description: "The PostgreSQL data warehouse every client report is built from.",
    meta: { kind: "postgres" },
    children: [
      {
        type: "DATABASE",
        name: "analytics",
        description: "Production analytics database, refreshed nightly at 02:00 UTC.",
        children: [
          {
            type: "SCHEMA",
            name: "northwind",
            team: "Northwind",
            description: "Orders, customers and products of the **Northwind Traders** account.",
            children: [
              table("orders", "One row per customer order.", [
                col("order_id", "integer", "Primary key."),
                col("customer_id", "text", "References customers.customer_id."),
                col("order_date", "date", "Day the order was placed."),
                col("ship_country", "text", "Destination country.", true),
                col("freight", "numeric(10,2)", "Shipping cost in USD.", true),
              ], "TABLE", ["pii-free", "core"]),
              table("customers", "Companies that buy from Northwind.", [
                col("customer_id", "text", "Primary key."),
                col("company_name", "text"),
                col("contact_name", "text", "Main contact.", true),
                col("country", "text", "", true),
              ], "TABLE", ["pii"]),
              table("products", "Catalogue of products on sale.", [
                col("product_id", "integer", "Primary key."),
                col("product_name", "text"),
                col("unit_price", "numeric(10,2)", "List price in USD."),
                col("discontinued", "boolean"),
              ]),
              table("monthly_sales", "Orders and revenue per month.", [
                col("month", "date"),
                col("orders", "integer"),
                col("revenue", "numeric(12,2)"),
              ], "VIEW"),
            ],
          },
          {
            type: "SCHEMA",
            name: "globex",
            team: "Globex",
            description: "Billing and product usage of the **Globex Corporation** account.",
            children: [
              table("invoices", "Invoices issued to Globex accounts.", [
                col("invoice_id", "uuid", "Primary key."),
                col("account_id", "uuid", "References accounts.account_id."),
                col("amount", "numeric(12,2)", "Invoiced amount in USD."),
                col("issued_at", "timestamptz"),
              ], "TABLE", ["billing"]),
              table("accounts", "Globex business units that are billed separately.", [
                col("account_id", "uuid", "Primary key."),
                col("account_name", "text"),
                col("region", "text", "", true),
              ]),
              table("usage_events", "Product events streamed from the Globex tenant.", [
                col("event_id", "bigint", "Primary key."),
                col("account_id", "uuid"),
                col("event_type", "text"),
                col("occurred_at", "timestamptz"),
              ]),
            ],
          },
          {
            type: "SCHEMA",
            name: "initech",
            team: "Initech",
            description: "Operations data of the **Initech** account.",
            children: [
              table("tps_reports", "Weekly TPS reports with their cover sheets.", [
                col("report_id", "integer", "Primary key."),
                col("employee_id", "integer"),
                col("cover_sheet", "boolean", "Whether the new cover sheet was attached."),
                col("submitted_at", "timestamptz"),
              ]),
              table("employees", "Initech staff directory extract.", [
                col("employee_id", "integer", "Primary key."),
                col("full_name", "text"),
                col("department", "text", "", true),
                col("hired_on", "date"),
              ], "TABLE", ["pii"]),
              table("equipment", "Office equipment inventory.", [
                col("equipment_id", "integer", "Primary key."),
                col("owner_id", "integer", "", true),
                col("kind", "text"),
              ]),
            ],
          },
          {
            type: "SCHEMA",
            name: "shared",
            team: "General",
            description: "Reference data used by every team.",
            children: [
              table("calendar", "One row per day, with fiscal periods.", [
                col("date_key", "date", "Primary key."),
                col("day_of_week", "smallint"),
                col("fiscal_quarter", "text"),
                col("is_holiday", "boolean"),
              ]),
              table("currencies", "ISO currencies and their daily USD rate.", [
                col("code", "char(3)", "ISO 4217 code."),
                col("name", "text"),
                col("usd_rate", "numeric(18,8)"),
              ]),
              table("countries", "ISO countries and sales regions.", [
                col("iso_code", "char(2)", "ISO 3166-1 alpha-2."),
                col("name", "text"),
                col("region", "text"),
              ]),
            ],
          },
          {
            type: "SCHEMA",
            name: "finance",
            description: "Internal revenue and cost figures. Admins only.",
            children: [
              table("revenue", "Recognised revenue per account and month.", [
                col("month", "date"),
                col("account", "text"),
                col("amount", "numeric(14,2)"),
              ], "TABLE", ["confidential"]),
              table("costs", "Operating costs per category and month.", [
                col("month", "date"),
                col("category", "text"),
                col("amount", "numeric(14,2)"),
              ], "TABLE", ["confidential"]),
              table("gross_margin", "Revenue minus direct costs, per account.", [
                col("month", "date"),
                col("account", "text"),
                col("margin", "numeric(14,2)"),
              ], "VIEW", ["confidential"]),
            ],
          },
        ],
      },
    ],
  },
  {
    type: "INTEGRATION",
    name: "BI",
    description: "Dashboards published from the BI tool.",
    meta: { kind: "bi" },
    children: [
      {
        type: "DASHBOARD",
        name: "Northwind Sales Overview",
        team: "Northwind",
        description: "Orders, revenue and freight for Northwind, refreshed daily.",
        children: [
          { type: "CHART", name: "Orders per month" },
          { type: "CHART", name: "Freight by destination country" },
        ],
      },
      {
        type: "DASHBOARD",
        name: "Northwind Customer Health",
        team: "Northwind",
        description: "Repeat purchase rate and at-risk customers.",
        children: [{ type: "CHART", name: "Repeat purchase rate" }],
      },
      {
        type: "DASHBOARD",
        name: "Globex Revenue",
        team: "Globex",
        description: "Invoiced amounts per account and region.",
        children: [
          { type: "CHART", name: "Monthly invoiced amount" },
          { type: "CHART", name: "Accounts by region" },
        ],
      },
      {
        type: "DASHBOARD",
        name: "Globex Product Usage",
        team: "Globex",
        description: "Daily active accounts and top events.",
        children: [{ type: "CHART", name: "Daily active accounts" }],
      },
      {
        type: "DASHBOARD",
        name: "Initech TPS Compliance",
        team: "Initech",
        description: "Share of TPS reports filed with the right cover sheet.",
        children: [{ type: "CHART", name: "Cover sheet compliance by week" }],
      },
      {
        type: "DASHBOARD",
        name: "Company KPIs",
        team: "General",
        description: "Headline metrics for everyone at Acme.",
        children: [{ type: "CHART", name: "Active clients" }],
      },
      {
        type: "DASHBOARD",
        name: "Finance P&L",
        description: "Profit and loss by account. Admins only.",
        children: [{ type: "CHART", name: "Gross margin by account" }],
      },
    ],
  },
  { type: "DOCUMENT", name: "Working with Acme Data", team: "General", description: "How the catalog is organised and who to ask." },
  { type: "DOCUMENT", name: "Northwind data dictionary", team: "Northwind", description: "Definitions agreed with Northwind's analysts." },
  { type: "DOCUMENT", name: "Globex service levels", team: "Globex", description: "Refresh times and support hours agreed with Globex." },
  { type: "DOCUMENT", name: "Initech integration notes", team: "Initech", description: "How Initech's exports reach the warehouse." },
  { type: "DOCUMENT", name: "Month-end close checklist", description: "Finance's steps at every month end." },
  { type: "TERM", name: "Active customer", team: "General", description: "A customer with at least one order in the last 90 days." },
  { type: "TERM", name: "Freight", team: "Northwind", description: "The shipping cost charged on an order." },
  { type: "TERM", name: "Gross margin", description: "Revenue minus the direct cost of delivering it." },
];
