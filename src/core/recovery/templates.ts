/**
 * The default texts for the emails and notes Rebound drafts. The same words live as plain files
 * in templates/ for people who want to edit them; a test keeps the two in step. Kept here too so
 * the core never reads files.
 */

/** templates/feedback-request.txt */
export const FEEDBACK_REQUEST_TEMPLATE = `Subject: Thank you, and a short question about the {{role}} role

Hello {{contactName}},

Thank you for letting me know about your decision on the {{role}} role at {{company}}, and for the time you and the team gave me. I appreciated it.

I'm working on getting better at this, and a few words on any of these questions would help me a great deal:

{{questions}}

Even a line or two is plenty, and I understand if you can't share more. I enjoyed getting to know {{company}} and would be glad to stay in touch.

Best wishes,
{{userName}}
`;

/** templates/thank-you.txt */
export const THANK_YOU_TEMPLATE = `Subject: Thank you for your time

Hello {{contactName}},

Thank you for the time you spent with me during the {{role}} process at {{company}}. I enjoyed {{topic|hearing how your team works}}, and I learned a lot from our conversation.

The decision didn't go my way this time, but I'd be glad to keep in touch. I'll send you a connection request so we can stay in contact.

Best wishes,
{{userName}}
`;

/** templates/connection-request.txt */
export const CONNECTION_REQUEST_TEMPLATE = `Hello {{contactName}}, thank you for our conversation about the {{role}} role at {{company}}. I enjoyed learning about {{topic|your team's work}} and would be glad to stay in touch.
{{userName}}
`;

/** templates/value-touch.txt */
export const VALUE_TOUCH_TEMPLATE = `Subject: {{subject|Thought of our conversation}}

Hello {{contactName}},

I hope all is well at {{company}}. I came across this and thought of our conversation about {{topic|your team's work}}:

{{link}}

{{update}}

No need to reply. I just wanted to pass it along.

Best wishes,
{{userName}}
`;

/** templates/referral-ask.txt */
export const REFERRAL_ASK_TEMPLATE = `Subject: Would you refer me for the {{role}} role at {{company}}?

Hello {{contactName}},

I hope you're well. I'm applying for the {{role}} role at {{company}} and, since you know the place from the inside, I wondered whether you would be comfortable referring me.

{{jobUrl}}

I'm happy to send my resume and a few lines you could pass on, so it takes you as little time as possible. And if it isn't a good fit or the timing is wrong, no problem at all; I'd still be glad to hear how you find it there.

Thank you,
{{userName}}
`;

/** Every default template by file name (without .txt). */
export const DEFAULT_TEMPLATES = {
  'feedback-request': FEEDBACK_REQUEST_TEMPLATE,
  'thank-you': THANK_YOU_TEMPLATE,
  'connection-request': CONNECTION_REQUEST_TEMPLATE,
  'value-touch': VALUE_TOUCH_TEMPLATE,
  'referral-ask': REFERRAL_ASK_TEMPLATE,
} as const;
export type TemplateName = keyof typeof DEFAULT_TEMPLATES;
