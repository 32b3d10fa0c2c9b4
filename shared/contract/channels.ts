/**
 * The names of every IPC channel, and nothing else: the preload builds `window.api` from this list alone, so it
 * carries no schema and no validation library. This file imports nothing. The contract's index (at compile time)
 * and a test check that it names exactly the channels of the contract.
 */
export const channelNames = [
  'app.info',

  'cpts.get',
  'cpts.saveIdentity',
  'cpts.saveLifecycle',
  'reference.arsRegions',

  'communes.search',
  'territory.get',
  'territory.addCommunes',
  'territory.removeCommune',

  'colleges.list',
  'colleges.save',
  'colleges.delete',
  'cotisationRates.list',
  'cotisationRates.save',
  'members.list',
  'members.get',
  'members.create',
  'members.update',
  'members.depart',
  'members.reinstate',
  'members.erase',
  'members.exportPersonalData',
  'members.setCotisation',
  'members.deleteCotisation',
  'members.addMandate',
  'members.deleteMandate',
  'members.stats',
  'members.exportList',
  'members.importOpen',
  'members.importPreview',
  'members.importApply',
  'members.importProgress',

  'meetings.list',
  'meetings.get',
  'meetings.create',
  'meetings.update',
  'meetings.delete',
  'meetings.saveAgenda',
  'meetings.saveParticipants',
  'meetings.addDocument',
  'meetings.deleteDocument',
  'meetings.exportIcs',
  'decisions.save',
  'decisions.delete',
  'decisions.list',

  'rcp.motifs',
  'rcp.addMotif',
  'rcp.saveCase',
  'rcp.deleteCase',

  'rules.list',
  'rules.save',
  'rules.delete',
  'ag.get',
  'ag.markConvocationSent',
  'ag.setPresence',
  'ag.saveProxy',
  'ag.deleteProxy',
  'ag.saveResolution',
  'ag.deleteResolution',
  'ag.recordVote',
  'ag.clearVote',
  'ag.setOfficers',
  'ag.createSecondConvocation',
  'ag.approvePv',
  'ag.reopenPv',
  'ag.exportConvocationMails',
  'formalities.list',
  'formalities.save',

  'reports.exportIdentitySheet',
  'reports.pdfStatus',
  'reports.cancelPdf',
  'reports.exportMembersList',
  'reports.exportComposition',
  'reports.exportMeetingMinutes',
  'reports.exportRcpYear',
  'reports.exportConvocation',
  'reports.exportAttendanceSheet',
  'reports.exportPv',

  'settings.get',
  'settings.save',

  'backups.list',
  'backups.saveNow',
  'backups.setKeep',
  'backups.inspect',
  'backups.restore',
  'backups.discard',
  'backups.transfer',
] as const;

export type ChannelName = (typeof channelNames)[number];

/** Prefix of every IPC channel name on the wire. */
export const IPC_PREFIX = 'maillage:';
