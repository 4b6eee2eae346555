-- Every audit action is named in the past tense, as the event it records ("team.created", "resource.assigned"):
-- the stored rows written with the older imperative names are renamed, so filters and exports see one name.
UPDATE "AuditEvent" SET action = CASE action
  WHEN 'automation.create' THEN 'automation.created'
  WHEN 'automation.update' THEN 'automation.updated'
  WHEN 'automation.delete' THEN 'automation.deleted'
  WHEN 'automation.run.queue' THEN 'automation.run.queued'
  WHEN 'automation.run.finish' THEN 'automation.run.finished'
  WHEN 'automation.undo.queue' THEN 'automation.undo.queued'
  WHEN 'integration.create' THEN 'integration.created'
  WHEN 'integration.secret.replace' THEN 'integration.secret.replaced'
  WHEN 'integration.sync' THEN 'integration.synced'
  WHEN 'resource.assign' THEN 'resource.assigned'
  WHEN 'resource.unassign' THEN 'resource.unassigned'
  WHEN 'resource.move' THEN 'resource.moved'
  WHEN 'resource.description.update' THEN 'resource.description.updated'
  WHEN 'resource.tags.update' THEN 'resource.tags.updated'
  WHEN 'account.password-changed' THEN 'account.password_changed'
  WHEN 'automation.enable' THEN 'automation.enabled'
  WHEN 'automation.disable' THEN 'automation.disabled'
  WHEN 'automation.run.start' THEN 'automation.run.started'
  WHEN 'automation.undo.start' THEN 'automation.undo.started'
  WHEN 'dbt.import' THEN 'dbt.imported'
  WHEN 'lineage.edge.add' THEN 'lineage.edge.added'
  WHEN 'lineage.edge.remove' THEN 'lineage.edge.removed'
  WHEN 'workspace.isolation_lock.on' THEN 'workspace.isolation_lock.enabled'
  WHEN 'workspace.isolation_lock.off' THEN 'workspace.isolation_lock.disabled'
  ELSE action END
WHERE action IN ('automation.create', 'automation.update', 'automation.delete', 'automation.run.queue', 'automation.run.finish',
  'automation.undo.queue', 'integration.create', 'integration.secret.replace', 'integration.sync', 'resource.assign',
  'resource.unassign', 'resource.move', 'resource.description.update', 'resource.tags.update', 'account.password-changed',
  'automation.enable', 'automation.disable', 'automation.run.start', 'automation.undo.start',
  'dbt.import', 'workspace.isolation_lock.on', 'workspace.isolation_lock.off', 'lineage.edge.add', 'lineage.edge.remove');
