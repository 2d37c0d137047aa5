import { ComplaintResponded, ComplaintVerified, RESPONSE_CLASS_DAYS } from '../complaint/complaint.events';
import { PublicItem, publicScorecardLink } from './public-item';

/**
 * What a public complaint item needs of its filing: whether the reporter let its words be shown,
 * and those words as the log keeps them, sealed under the complaint's key. They stay sealed in
 * the feed's tables and are opened when the feed is served, so an erasure takes them out of it.
 */
export interface PublicComplaintContext {
  publicText: boolean;
  year: number;
  kind: string;
  subject: string;
  text: string;
  verified: boolean;
}

const RESPONSE_CLASS_NAMES = { INFORMATION: 'informasi', NO_FIELD_CHECK: 'tanpa pemeriksaan lapangan', FIELD_CHECK: 'dengan pemeriksaan lapangan' } as const;

/** "a verified complaint with publicText: its subject and text, never contact data". */
export function complaintVerifiedItem(event: ComplaintVerified, filing: PublicComplaintContext): PublicItem {
  const { opdCode, responseClass, responseDue } = event.data;
  return {
    type: 'COMPLAINT_VERIFIED',
    opdCode,
    year: filing.year,
    title: `Pengaduan masyarakat untuk ${opdCode} diverifikasi`,
    summary: `Tanggapan ${RESPONSE_CLASS_NAMES[responseClass]} paling lambat ${responseDue} (${RESPONSE_CLASS_DAYS[responseClass]} hari kerja)`,
    link: publicScorecardLink(opdCode, filing.year),
    details: { kind: filing.kind, responseClass, responseDue, subject: filing.subject, text: filing.text },
  };
}

/** "… and the OPD's responses": the unit's words, and whether they came in time. */
export function complaintRespondedItem(event: ComplaintResponded, filing: PublicComplaintContext): PublicItem {
  const { opdCode, text, late, on } = event.data;
  return {
    type: 'COMPLAINT_RESPONDED',
    opdCode,
    year: filing.year,
    title: `${opdCode} menanggapi pengaduan masyarakat${late ? ' (terlambat)' : ''}`,
    summary: text,
    link: publicScorecardLink(opdCode, filing.year),
    details: { respondedOn: on, late, subject: filing.subject },
  };
}
