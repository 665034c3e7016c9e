// A fictional article for the workflow tests: long enough that its later passages start off screen.
const filler = (n: number) =>
  Array.from({ length: n }, (_, i) => `Background paragraph ${i + 1}: harbour traffic, weather notes and timetable changes of no consequence.`).join('\n\n');

export const ARTICLE = {
  title: 'Drought closes the Maren canal locks',
  outlet: 'Coastal Courier',
  author: 'Ida Venn',
  url: 'https://courier.example/maren-locks',
  publishedAt: '2026-04-02',
  reliability: 'B' as const,
  body: [
    'MAREN — The canal authority closed all four locks on the Maren canal on Tuesday after water levels fell below the safe minimum.',
    filler(6),
    'Engineers measured the upper basin at 1.9 metres, half a metre under the operating floor.',
    filler(30),
    'Barge operators said the closure would cost them about 40,000 crowns a day.',
    filler(30),
    'The authority expects to reopen the locks only after the autumn rains refill the reservoir.',
  ].join('\n\n'),
  passages: [
    'closed all four locks on the Maren canal',
    'measured the upper basin at 1.9 metres',
    'reopen the locks only after the autumn rains refill the reservoir',
  ],
};
