/** Everything the bot says that is not a quote, in one place. */
export const EXAMPLE_QUESTIONS = ['太原2025年地区生产总值增长目标是多少？', '晋中卫生厕所普及率是多少？', '太原这几年空气质量综合指数怎么变化？'];

export const COMMANDS = [
  { command: 'ask', description: '提问：/ask 太原2025年经济增长目标是多少？' },
  { command: 'reports', description: '有哪些报告、覆盖哪些年份' },
  { command: 'sources', description: '列出可查询的报告' },
  { command: 'figures', description: '主要指标数字：/figures 太原 GDP' },
  { command: 'new', description: '开始新的对话（不再沿用上文）' },
  { command: 'help', description: '使用说明和示例' },
  { command: 'about', description: '答案是怎么来的' },
];

export const TEXT = {
  figuresUsage: '用法：/figures 城市 指标，例如 /figures 太原 GDP（城市、指标都可以省略一个）。',
  noFigures: '报告里没有找到这个指标的数字。',
  moreFigures: (n: number) => `……另有${n}条，可用 npx report-qa figures 导出全部。`,
  chartUnavailable: (why: string) => `（未能生成图表：${why}，以文字显示）`,
  help: (username: string, coverage: string[]) =>
    [
      '我根据政府工作报告原文回答问题，每个答案都引用报告原句并注明出处。',
      '',
      '现有报告：',
      ...coverage.map((line) => `• ${line}`),
      '每年的报告回顾上一年的成绩、安排当年的目标。',
      '',
      `私聊直接发问题；群聊用 /ask 问题 或 @${username} 问题；任意聊天输入 @${username} 问题。`,
      '点下面的例子试试：',
    ].join('\n'),
  description:
    '我根据政府工作报告原文回答问题：每个答案都是报告原句，注明报告、章节和页码，不编造数字。直接发问题即可，例如“太原2025年地区生产总值增长目标是多少？”',
  shortDescription: '按政府工作报告原文回答问题，答案带出处。',
  descriptionEn:
    'I answer questions about Chinese government work reports with verbatim quotes and their sources (report, section, page); I never invent a figure. Ask in Chinese for best results.',
  shortDescriptionEn: 'Answers from government work reports, quoted verbatim with sources.',
  inlineHint: '输入问题，例如：太原滨河自行车道有多长',
  inlineStart: '私聊提问',
  about: [
    '答案完全摘自报告原文：先在报告中检索与问题最相关的段落（词法检索，有模型时加语义检索），',
    '再挑出包含答案的句子原样引用，并注明报告名称和章节。',
    '我不会编造数字；报告里没有写的，我会直接说没有找到。',
  ].join(''),
  askUsage: '请在 /ask 后面写上问题，例如：/ask 晋中卫生厕所普及率是多少？',
  unknownCommand: '没有这个命令。发送 /help 查看用法。',
  textOnly: `我只能读文字。请直接输入问题，例如：${EXAMPLE_QUESTIONS[1]}`,
  rateLimited: (seconds: number) => `提问太频繁了，请 ${seconds} 秒后再试。`,
  notAllowed: '抱歉，这个机器人只在指定的聊天中提供服务。',
  failure: '抱歉，处理这个问题时出了点问题，请稍后再试。',
  storeUnavailable: '暂时无法查询：报告数据库暂时连不上，请稍后再试。',
  staleButton: '这个按钮已过期，请重新提问。',
  noMoreSources: '没有更多来源了。',
  uploadNotAllowed: '抱歉，只有管理员可以添加报告。可以直接向我提问。',
  uploadTooBig: '文件超过 20 MB，Telegram 不允许机器人下载。请压缩后再发，或由管理员在服务器上用 npm run ingest -- add 添加。',
  uploadReceived: (name: string) => `收到《${name}》，正在读取并重建索引，期间照常回答问题……`,
  uploadFailed: (reason: string) => `这个文件无法添加：${reason}`,
  uploadAdded: (title: string, city: string, year: number, passages: number, reports: number) =>
    `已添加《${title}》（${city || '城市不详'} · ${year ? `${year}年` : '年份不详'}，${passages} 段），索引已重建，现有 ${reports} 份报告。`,
  moreSources: (count: number) => `更多来源（${count}）`,
  passageOf: (n: number) => `原文 ${n}`,
  backToAnswer: '← 返回答案',
  thanks: '谢谢反馈！',
  related: '可能相关',
  relatedHeader: '以下内容可能相关，但不足以回答这个问题：',
  rephrasing: (question: string) => `🔍 ${question}`,
  newConversation: '好的，开始新的对话。接下来的问题不再沿用之前的城市、年份和话题。',
  notInReports: '这些报告中没有找到。',
  fullPassage: '原文',
  sourcesHeader: '可查询的报告：',
};
