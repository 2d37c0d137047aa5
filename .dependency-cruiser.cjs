/**
 * Module boundaries, checked in CI (`npm run lint`). A rule the machine checks is a rule nobody
 * has to remember: the domain stays pure, the event store stays generic, and an API slice uses
 * another only through the other's index.ts.
 */
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      comment: 'Deciders are pure TypeScript: no framework, database, I/O or other layer.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: {
        pathNot: ['^libs/domain/src', '^libs/decider/src'],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'domain-is-pure-even-in-types',
      comment: 'Not even a type from a framework or the infrastructure.',
      severity: 'error',
      from: { path: '^libs/domain/src' },
      to: { path: ['^node_modules', '^libs/(event-store|database|projections|platform|read-models|config)/', '^apps/'] },
    },
    {
      name: 'decider-stands-alone',
      comment: 'The shared Decider types depend on nothing.',
      severity: 'error',
      from: { path: '^libs/decider/src' },
      to: { pathNot: '^libs/decider/src' },
    },
    {
      name: 'event-store-knows-no-domain',
      comment: 'The event store serves any decider; it must not know ours.',
      severity: 'error',
      from: { path: '^libs/(event-store|database|projections)/src' },
      to: { path: ['^libs/domain/', '^libs/read-models/', '^libs/platform/'] },
    },
    {
      name: 'personal-data-stands-apart',
      comment: 'Subjects, keys and envelopes serve every context: they know the database and node:crypto, never a domain, a read model or the event log.',
      severity: 'error',
      from: { path: '^libs/personal-data/src' },
      to: { path: ['^libs/(domain|read-models|projections|event-store|platform|config)/', '^apps/'] },
    },
    {
      name: 'libraries-know-no-app',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      name: 'apps-stay-apart',
      comment: 'The API and the projector share libraries, never each other.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: '^apps/$1/' },
    },
    {
      name: 'aggregator-sees-only-public-feeds',
      comment:
        'The provincial aggregator (apps/aggregator) knows a regency ledger only by its public HTTP answers: no event store, read model, ' +
        'projection, personal data, ledger configuration or domain (what it keeps comes over the wire, already public). It uses the database ' +
        'library for its own tables and one small helper (abortable-sleep) of the event store.',
      severity: 'error',
      from: { path: '^apps/aggregator/' },
      to: {
        path: '^(apps|libs)/',
        pathNot: ['^apps/aggregator/', '^libs/database/src/', '^libs/event-store/src/abortable-sleep\\.ts$'],
      },
    },
    {
      name: 'slices-meet-at-their-index',
      comment: "An API slice uses another slice only through the other's index.ts.",
      severity: 'error',
      from: { path: '^apps/api/src/([^/]+)/' },
      to: {
        path: '^apps/api/src/[^/]+/',
        pathNot: ['^apps/api/src/$1/', '^apps/api/src/(auth|commands|http|idempotency|observability)/', '^apps/api/src/[^/]+/index\\.ts$'],
      },
    },
    {
      name: 'portal-shows-only-public-answers',
      comment:
        'The portal renders what the public API answers, so it reads other slices only through their index.ts (public queries and views) and ' +
        "never the write side: no slice's controllers, DTOs or commands, no skp or audit-findings, nothing of commands/ or idempotency/. " +
        'Of the shared HTTP pieces it needs the problem documents (and their filter, which answers what is not a browser), the public cache headers, ' +
        'the OPD+year address, the request clock (@Today) and @Public.',
      severity: 'error',
      from: { path: '^apps/api/src/portal/' },
      to: {
        path: '^apps/api/src/(?!portal/)',
        pathNot: [
          '^apps/api/src/(plans|opds|dashboards|public-feed|lkjip|integrity|surveys|zi)/index\\.ts$',
          '^apps/api/src/http/(problem|problem-details\\.filter|public-cache|opd-year-address|request-clock)\\.ts$',
          '^apps/api/src/auth/auth\\.decorators\\.ts$',
        ],
      },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^dist' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};
