/** Name material for the demo roster, weighted toward common surnames as in a real bureau. */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );

export const GIVEN_MALE =
  '伟强磊军勇涛明超刚平辉鹏华飞鑫波斌宇浩凯健俊帆帅旭宁龙林国建文志海东峰亮春晓立新红兵忠诚德胜利永康'.split('');
export const GIVEN_FEMALE = '芳娜敏静丽艳娟霞秀英玲桂兰萍燕红梅琳雪婷慧颖倩洁佳欣怡丹蕾琴云莉晶月淑珍'.split('');

export const STAFF_POSITIONS = [
  '科员',
  '科员',
  '科员',
  '一级科员',
  '二级主任科员',
  '四级主任科员',
  '执法队员',
  '执法队员',
  '工程师',
  '助理工程师',
  '会计',
  '办事员',
];
