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

export const demoCatalog: SeedNode[] = [
  {
    type: "INTEGRATION",
    name: "Warehouse",
    description: "The PostgreSQL data warehouse every client report is built from.",
    meta: { kind: "postgres" },
    // Its database, schemas, tables and columns come from the real warehouse (warehouse.ts) through a sync.
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
