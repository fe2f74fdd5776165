import type { TestSystem } from './platform.ts';

/** Moves the test clock so that "now" is `iso` (the clock only moves forward from there). */
export function setClock(sys: TestSystem, iso: string): void {
  sys.clock.advance(new Date(iso).getTime() - sys.clock.now().getTime());
}

/** A valid application of a natural person (the ID's check character is right). */
export function personApplication(over: Record<string, unknown> = {}) {
  return {
    applicantType: 'natural_person',
    name: '龚晓岚',
    idNumber: '11010519491231002X',
    contact: { phone: '13975310864', email: 'gxl.apply@example.cn', address: '湖南省长沙市岳麓区麓山南路 932 号' },
    description: '请提供 2025 年本中心进场交易的政府采购项目中，采用单一来源方式的项目清单及其审批文件文号。',
    purpose: '学术研究',
    deliveryForm: 'electronic',
    ...over,
  };
}
