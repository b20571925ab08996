import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../../pipeline/normalize/text-view.js';
import { builtinMoodCues } from './mood.js';

// Chinese customer messages as written on a helpdesk's Weibo (our own sentences), read by the cues
// alone: the model says nothing either way (polarity 0), so a label other than neutral comes from a cue.
const cases: [text: string, label: 'negative' | 'neutral' | 'positive'][] = [
  // waiting and being ignored
  ['都已经三天了，还没有人联系我', 'negative'],
  ['快24个小时了', 'negative'],
  ['整整两个月了，问题依旧', 'negative'],
  ['反馈了好几次，就是不处理', 'negative'],
  ['私信发了，无人问津', 'negative'],
  ['还没确认好吗', 'negative'],
  ['这已经是第三次反馈了', 'negative'],
  ['你们的回复呢？', 'negative'],
  // exasperation, rhetorical questions, sarcasm
  ['你们到底能不能解决？', 'negative'],
  ['难道要我自己去修？', 'negative'],
  ['改个设置有这么难吗', 'negative'],
  ['要我说几遍？', 'negative'],
  ['请看清我的问题再回复', 'negative'],
  ['这就是你们的办事效率', 'negative'],
  ['我不要你们的客套话', 'negative'],
  ['这短信是什么鬼', 'negative'],
  ['我也是醉了', 'negative'],
  ['真的受够了', 'negative'],
  ['用得窝火', 'negative'],
  ['给个差评', 'negative'],
  ['求个说法', 'negative'],
  ['莫名其妙扣了我二十块', 'negative'],
  ['一点都不靠谱', 'negative'],
  ['态度不是很好', 'negative'],
  ['网速极慢', 'negative'],
  ['以后再也不买了', 'negative'],
  ['手机不能上网了', 'negative'],
  ['还没恢复正常', 'negative'],
  ['太不正常了', 'negative'],
  // thanks and resolution
  ['谢啦', 'positive'],
  ['好的，先谢了', 'positive'],
  ['thanks', 'positive'],
  ['现在可以上网了', 'positive'],
  ['终于充值成功', 'positive'],
  ['搞定了', 'positive'],
  ['这样切换也挺方便的', 'positive'],
  ['服务真周到', 'positive'],
  ['客服态度蛮好的', 'positive'],
  ['一点都不麻烦', 'positive'],
  // innocent look-alikes: status, plain questions, the customer's own patience, idle words
  ['国际漫游已开通', 'neutral'],
  // an independent reader judged these kinds neutral on real threads (decision 134): a plain report
  // that something fails, a crash, a bare status update, a 不是…吗 question
  ['重装都不行', 'neutral'],
  ['用了自己的流量也不行', 'neutral'],
  ['打开就崩溃', 'neutral'],
  ['已经恢复了', 'neutral'],
  ['流量到账了', 'neutral'],
  ['你不是客服吗？', 'neutral'],
  ['有什么办法可以恢复正常？', 'neutral'],
  ['我用了三年了', 'neutral'],
  ['以后不用了', 'neutral'],
  ['不太方便寄回', 'neutral'],
  ['会员卡可以到营业厅以及时间内领取', 'neutral'],
  ['手机发热情况还好', 'neutral'],
  ['我耐心等待中', 'neutral'],
  ['联系客服了', 'neutral'],
  ['是不是要先重启', 'neutral'],
  ['慢慢来', 'neutral'],
  ['好吧，那算了', 'neutral'],
  ['我算了一下费用', 'neutral'],
  ['插头快要插到底时有点紧', 'neutral'],
  ['给老妈的礼物', 'neutral'],
  ['其他妈妈推荐的', 'neutral'],
  ['父母有不可推卸的责任', 'neutral'],
  ['这部小说讲的是一个悲剧', 'neutral'],
];

describe('Chinese mood cues', () => {
  const cues = builtinMoodCues();
  it.each(cases)('%s → %s', (text, label) => {
    const { normalized } = normalizeText(text);
    expect(cues.moodOf(normalized, 'zh', { polarity: 0 }).label).toBe(label);
  });

  it('leave a mixed message to the model: a complaint that still thanks reads as the model says', () => {
    const { normalized } = normalizeText('都等了三天了，还是谢谢你们');
    expect(cues.moodOf(normalized, 'zh', { polarity: -0.8 }).label).toBe('negative');
    expect(cues.moodOf(normalized, 'zh', { polarity: 0.8 }).label).toBe('positive');
  });
});
