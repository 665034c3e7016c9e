// The first-run demo library: a fictional event reported by fictional outlets, written for Sourcemark.
// Every person, place, company and outlet here is invented.

export interface DemoSource {
  key: string;
  title: string;
  outlet: string;
  author: string;
  url: string;
  publishedAt: string;
  language: string;
  reliability: 'A' | 'B' | 'C' | 'D' | 'E' | 'F';
  sourceType: 'news-article';
  body: string;
}

export const demoSources: DemoSource[] = [
  {
    key: 'ledger',
    title: 'Ferry bookings frozen for two days as Veldhaven port system fails',
    outlet: 'Orsund Ledger',
    author: 'Maren Tallis',
    url: 'https://ledger.example/veldhaven-ferry-outage',
    publishedAt: '2026-03-12',
    language: 'en',
    reliability: 'B',
    sourceType: 'news-article',
    body: [
      'VELDHAVEN — Passengers queued along the harbour wall on Thursday after the booking system used by every ferry leaving Veldhaven stopped issuing tickets, stranding an estimated 4,200 travellers over two days.',
      'The Veldhaven Port Authority said the fault began at 05:40 on Wednesday, when the reservation servers operated by its contractor, Brightmoor Logistics, stopped answering requests from the ticket offices and the mobile app.',
      '"We have no evidence that any passenger data was taken," said Ilse Varrow, the authority\'s director of operations, at a briefing on Thursday afternoon. "Our first priority was to get people moving, and the ferries ran on paper manifests from midday."',
      'Two employees of Brightmoor, who asked not to be named because they were not authorised to speak, said the servers had displayed a message demanding payment in exchange for restoring encrypted files. The company declined to comment on the message.',
      'The outage came a week after the port authority postponed a planned upgrade of the booking software, citing the cost of the work during the spring season. Minutes of the authority\'s board meeting on 6 March show that the upgrade had been recommended by an external audit in November.',
      'By Thursday evening, the authority said that 31 of the 36 scheduled sailings had departed, most of them more than three hours late. Full online booking was expected to return by Saturday.',
      'The Orsund transport ministry said it had asked the national cyber security office to assist the port authority, but did not say whether it considered the fault an attack.',
    ].join('\n\n'),
  },
  {
    key: 'wire',
    title: 'Port outage: contractor blames hardware, not hackers',
    outlet: 'Northwind Wire',
    author: 'Tomas Eberly',
    url: 'https://northwind.example/2026/03/13/port-outage-hardware',
    publishedAt: '2026-03-13',
    language: 'en',
    reliability: 'C',
    sourceType: 'news-article',
    body: [
      'Brightmoor Logistics, the company that runs the ticketing servers for the port of Veldhaven, said on Friday that this week\'s two-day outage was caused by a failed storage array and not by a cyber attack.',
      '"A storage controller failed during a routine backup and corrupted part of the reservation database," the company said in a written statement. "There was no intrusion into our systems and no ransom demand."',
      'The statement did not address reports, first published by the Orsund Ledger, that staff had seen a ransom message on the affected servers. Asked about those reports, a Brightmoor spokesperson said the company would not comment on "speculation from anonymous sources".',
      'Independent security researcher Petra Holm said the two explanations need not be exclusive. "Attackers who encrypt a database often leave the storage looking exactly like it failed," she said. "Only the logs will tell."',
      'The port authority said it had received a preliminary technical report from Brightmoor on Friday morning and would publish a summary once the national cyber security office had reviewed it.',
      'Ferry operators said bookings had resumed on the mobile app by Friday afternoon, a day earlier than the authority had forecast.',
    ].join('\n\n'),
  },
  {
    key: 'vestnik',
    title: 'Сбой в порту Фельдхафен: что известно',
    outlet: 'Балтийский вестник',
    author: 'Анна Северова',
    url: 'https://vestnik.example/feldhafen-sboi',
    publishedAt: '2026-03-13',
    language: 'ru',
    reliability: 'C',
    sourceType: 'news-article',
    body: [
      'Сбой системы бронирования в порту Фельдхафен продолжался почти двое суток. По данным портовой администрации, из 36 запланированных рейсов в четверг отправились 31.',
      'Подрядчик, компания Brightmoor Logistics, называет причиной отказ оборудования. Источники издания в компании, однако, утверждают, что на экранах серверов появлялось требование выкупа.',
      'Эксперты напоминают, что западные порты региона уже сталкивались с подобными атаками в прошлом году.',
    ].join('\n\n'),
  },
];

export interface DemoCitation {
  source: DemoSource['key'];
  passage: string; // must occur exactly once in that source's body
  relation: 'supports' | 'contradicts' | 'context';
  note?: string;
  credibility?: 1 | 2 | 3 | 4 | 5 | 6;
}

export interface DemoClaim {
  text: string;
  likelihood: 'almost-no-chance' | 'very-unlikely' | 'unlikely' | 'even-chance' | 'likely' | 'very-likely' | 'almost-certain' | null;
  confidence: 'low' | 'moderate' | 'high' | null;
  citations: DemoCitation[];
}

export const demoBrief = {
  title: 'Veldhaven ferry booking outage — initial assessment',
  marking: 'UNCLASSIFIED // DEMO',
  author: 'Sourcemark demo',
  organisation: 'Sourcemark example desk',
  dissemination: 'Distribution: anyone trying Sourcemark',
  cutoffDate: '2026-03-13',
  sourceSummary:
    'Three news reports published on 12 and 13 March 2026: one from a usually reliable national daily (B) and two from fairly reliable outlets (C), one of them in Russian. No official statement or technical report is available yet. The attack rests on anonymous staff accounts; the contractor\'s denial is the only contradicting evidence.',
  summary:
    'The Veldhaven ferry booking system was down for about two days from 11 March. The cause is disputed: staff accounts of a ransom message point to a ransomware attack, while the contractor reports a storage failure. We judge an attack likely, pending the national cyber security office’s review of the logs.',
  claims: [
    {
      text: 'The outage began early on Wednesday and stopped ticket sales for every ferry leaving Veldhaven.',
      likelihood: 'almost-certain',
      confidence: 'moderate',
      citations: [
        {
          source: 'ledger',
          passage: 'the fault began at 05:40 on Wednesday, when the reservation servers operated by its contractor, Brightmoor Logistics, stopped answering requests',
          relation: 'supports',
          note: 'Port authority statement, on the record.',
          credibility: 2,
        },
      ],
    },
    {
      text: 'Staff at the contractor saw a ransom demand on the affected servers, which points to a ransomware attack.',
      likelihood: 'likely',
      confidence: 'moderate',
      citations: [
        {
          source: 'ledger',
          passage: 'the servers had displayed a message demanding payment in exchange for restoring encrypted files',
          relation: 'supports',
          note: 'Two unnamed employees; not confirmed by the company.',
          credibility: 3,
        },
        {
          source: 'wire',
          passage: '"There was no intrusion into our systems and no ransom demand."',
          relation: 'contradicts',
          note: 'Company statement; the company has an interest in denying an attack.',
          credibility: 4,
        },
        {
          source: 'wire',
          passage: 'Attackers who encrypt a database often leave the storage looking exactly like it failed',
          relation: 'context',
        },
      ],
    },
    {
      text: 'A recommended upgrade of the booking software had been postponed shortly before the outage.',
      likelihood: 'very-likely',
      confidence: 'moderate',
      citations: [
        {
          source: 'ledger',
          passage: 'Minutes of the authority\'s board meeting on 6 March show that the upgrade had been recommended by an external audit in November.',
          relation: 'supports',
          credibility: 2,
        },
      ],
    },
    {
      text: 'Disruption to travellers was limited: most sailings still departed, late, on paper manifests.',
      likelihood: 'very-likely',
      confidence: 'high',
      citations: [
        { source: 'ledger', passage: '31 of the 36 scheduled sailings had departed, most of them more than three hours late', relation: 'supports', credibility: 2 },
        { source: 'vestnik', passage: 'из 36 запланированных рейсов в четверг отправились 31', relation: 'supports', credibility: 3 },
      ],
    },
  ] satisfies DemoClaim[],
};
