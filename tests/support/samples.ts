/** Small transcripts written for the tests (fictional people and companies). */
export function frontmatterTranscript(opts: { title?: string; guest?: string; extraTurn?: string } = {}): string {
  const guest = opts.guest ?? 'Priya Raman';
  return `---
show: Test Ladder Pod
guest: ${guest}
host: Jordan Blake
role: Staff Engineer at Quillbase
company: Northwind Labs
company_size: 100s
yoe-starting: 2011
date: 03/02/2024
duration: 30
title: ${opts.title ?? 'From PIP to staff promo'}
description: A test episode about surviving a PIP and a later staff promotion.
chapters: [Getting put on a PIP, The staff promo]
---
### Getting put on a PIP
Jordan 00:00:10:

Welcome. You were put on a PIP early on, right?

${guest.split(' ')[0]} 00:00:25:

Yes, a performance improvement plan in my second year. I had thirty days to show impact.

### The staff promo
Jordan 00:10:00:

And four years later you got the staff promo.

${guest.split(' ')[0]} 00:10:30:

The promotion came after I led the storage migration and wrote the promo packet with my manager.
${opts.extraTurn ? `\nJordan 00:12:00:\n\n${opts.extraTurn}\n` : ''}`;
}
