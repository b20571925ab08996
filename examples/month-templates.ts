/** Message templates of the generated month (examples/generate-month.ts): varied, made-up, English. */

export const INQUIRY_TYPES = ['product_question', 'logistics', 'order_issue', 'return_exchange', 'quality_complaint', 'after_sales_followup'] as const;
export type InquiryType = (typeof INQUIRY_TYPES)[number];

/** Contact details a customer pastes into a message: a name next to a phone number, or an e-mail. Every report must mask them. */
export const PLANTED_CONTACTS = [
  'You can call me, Maria Schmidt, +49 151 23456789.',
  'Please call Jonathan Price, +1 415 555 0199, after 5pm.',
  'My email is sophie.laurent@mailbox.example if that is easier.',
  'Reach me at kevin.tan88@inbox.example or on WhatsApp.',
  'Contact: Daniel Okafor, +44 7700 900123',
];

export const CUSTOMER_LINES: Record<InquiryType, string[]> = {
  product_question: [
    'Hi, does this jacket run true to size? I am usually a medium.',
    'Hello, is the blender dishwasher safe?',
    'Can the lamp be used with a 110V plug or only 230V?',
    'Hi there, what is the battery life of the wireless earbuds?',
    'Does the backpack fit a 16 inch laptop?',
    'Is this phone case compatible with the newest model?',
  ],
  logistics: [
    "Hi, my tracking number hasn't updated in 5 days. Is my package lost?",
    'When will my order ship? I paid three days ago.',
    'The courier says delivered but I have nothing at my door.',
    'Can you change the delivery address for my order?',
    'My parcel is stuck in customs, what should I do?',
  ],
  order_issue: [
    'I was charged twice for the same order, please help.',
    'My order still says processing after a week. Why has it not shipped?',
    'I received the wrong colour, I ordered black not blue.',
    'One item is missing from my order.',
    'The discount code was not applied at checkout.',
  ],
  return_exchange: [
    'The shoes are too small. Can I exchange them for a larger size?',
    'I would like to return the dress, it does not fit.',
    'How do I get a return label? The item is unused.',
    'Can I swap the grey sofa cover for the green one?',
  ],
  quality_complaint: [
    'The mug arrived cracked. This is really disappointing.',
    'The zipper broke after two days of use.',
    'The headphones have a buzzing noise in the left ear.',
    'The colour faded after the first wash, very poor quality.',
  ],
  after_sales_followup: [
    'Just checking on the refund you promised last week.',
    'Any update on my warranty claim?',
    'You said a replacement would be sent, has it shipped?',
  ],
};

interface AgentLines {
  polite: string[];
  close: string[];
  curt: string[];
  curtClose: string[];
}

const POLITE_CLOSE = [
  'Is there anything else I can help you with? Have a wonderful day!',
  'Thank you for your patience. Best regards!',
  'Glad I could help. Have a great day!',
];
const CURT = ['Check the website.', 'Read the FAQ, it is all there.', 'Not our problem, ask the carrier.', 'We already answered this. Stop asking.'];
const CURT_CLOSE = ['Whatever, it will be sorted when it is sorted.', 'Nothing more I can do.', 'Ok.', 'As I said, check the website.'];

export const AGENT_LINES: Record<InquiryType, AgentLines> = {
  product_question: {
    polite: [
      'Hello and thanks for your question! It runs true to size, so a medium should fit you well.',
      'Hi! Yes, all parts except the motor base are dishwasher safe.',
      'Good question! It works with 100–240V, so you only need a plug adapter.',
      'Hi there, the earbuds last about 8 hours, and 30 with the charging case.',
    ],
    close: POLITE_CLOSE,
    curt: CURT,
    curtClose: CURT_CLOSE,
  },
  logistics: {
    polite: [
      "Hi, thanks for reaching out! I've checked with the carrier: your parcel is in transit and should arrive within 2 days.",
      'Hello! I am sorry for the wait. I have opened a trace with the courier and will email you within 24 hours.',
      'Thank you for your message. Your order shipped today; here is the updated tracking link in your account.',
    ],
    close: POLITE_CLOSE,
    curt: CURT,
    curtClose: CURT_CLOSE,
  },
  order_issue: {
    polite: [
      'Hello, I am so sorry about this. I can see the double charge and have refunded it; it will show in 3–5 days.',
      'Hi, I apologise for the delay. I have escalated your order to the warehouse and it will ship tomorrow.',
      'Thank you for letting us know, and sorry for the mix-up. The correct item is on its way at no cost.',
    ],
    close: POLITE_CLOSE,
    curt: CURT,
    curtClose: CURT_CLOSE,
  },
  return_exchange: {
    polite: [
      'Hello! Of course you can exchange them. I have sent a free return label to your account.',
      'Hi, sorry it did not fit. The return is approved and the label is in your order page.',
    ],
    close: POLITE_CLOSE,
    curt: CURT,
    curtClose: CURT_CLOSE,
  },
  quality_complaint: {
    polite: [
      'Hello, I am really sorry to hear that. I understand how frustrating it is. A replacement is on its way, no need to return the broken one.',
      'Hi, I apologise for the trouble. We will refund you in full and I have reported the defect to our quality team.',
    ],
    close: POLITE_CLOSE,
    curt: CURT,
    curtClose: CURT_CLOSE,
  },
  after_sales_followup: {
    polite: [
      'Hello, thanks for following up! Your refund was issued this morning.',
      'Hi, I checked your claim: the replacement shipped yesterday, tracking is in your account.',
    ],
    close: POLITE_CLOSE,
    curt: CURT,
    curtClose: CURT_CLOSE,
  },
};

export const FOLLOW_UPS = {
  calm: ['Great, thanks. How long will it take?', 'Ok, and do I need to do anything else?', 'Thank you! Will I get an email?'],
  annoyed: ['That does not answer my question.', 'Seriously? This is terrible service.', 'Can I speak to someone else please?'],
};

export const THANKS = ['Thanks a lot, that solved it!', 'Perfect, thank you.', 'Great, problem solved.'];
