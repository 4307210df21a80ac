-- The default reason options (评价内容), version 1, derived from the seven dimensions of 第二条.
-- The national list was not available; administrators add later versions.
insert into catalog_reason_set (version, note, active, created_at)
values (1, '默认评价内容（依据七个评价维度）', true, timestamp with time zone '2026-01-01 00:00:00+08:00');

insert into catalog_reason (set_version, level, code, label, sort_order) values
 (1, 'VERY_SATISFIED', 'COMMITMENT_KEPT', '按承诺时限办结', 1),
 (1, 'VERY_SATISFIED', 'ATTITUDE_WARM', '服务热情周到', 2),
 (1, 'VERY_SATISFIED', 'MATERIALS_SIMPLE', '材料简便', 3),
 (1, 'VERY_SATISFIED', 'EFFICIENT', '办事高效快捷', 4),
 (1, 'VERY_SATISFIED', 'ONE_TRIP', '最多跑一次', 5),
 (1, 'VERY_SATISFIED', 'PROCESS_CLEAR', '流程清晰便民', 6),
 (1, 'VERY_SATISFIED', 'CLEAN', '廉洁规范', 7),
 (1, 'SATISFIED', 'COMMITMENT_KEPT', '按承诺时限办结', 1),
 (1, 'SATISFIED', 'ATTITUDE_GOOD', '态度良好', 2),
 (1, 'SATISFIED', 'EFFICIENT', '办理较快', 3),
 (1, 'SATISFIED', 'ONE_TRIP', '跑动次数少', 4),
 (1, 'SATISFIED', 'GUIDANCE_CLEAR', '指引清楚', 5),
 (1, 'BASIC', 'WAIT_LONG', '等候时间较长', 1),
 (1, 'BASIC', 'ATTITUDE_AVERAGE', '态度一般', 2),
 (1, 'BASIC', 'MATERIALS_UNCLEAR', '材料要求说明不够清楚', 3),
 (1, 'BASIC', 'PROCESS_SLOW', '办理环节较多', 4),
 (1, 'DISSATISFIED', 'PROMISE_BROKEN', '承诺未兑现', 1),
 (1, 'DISSATISFIED', 'ATTITUDE_POOR', '态度生硬', 2),
 (1, 'DISSATISFIED', 'MATERIALS_BURDEN', '材料要求重复/繁琐', 3),
 (1, 'DISSATISFIED', 'OVERDUE', '办理超时', 4),
 (1, 'DISSATISFIED', 'MANY_TRIPS', '多次跑腿', 5),
 (1, 'DISSATISFIED', 'PROCESS_UNCLEAR', '流程不清', 6),
 (1, 'DISSATISFIED', 'MISCONDUCT', '吃拿卡要', 7),
 (1, 'VERY_DISSATISFIED', 'PROMISE_BROKEN', '承诺未兑现', 1),
 (1, 'VERY_DISSATISFIED', 'ATTITUDE_POOR', '态度生硬', 2),
 (1, 'VERY_DISSATISFIED', 'MATERIALS_BURDEN', '材料要求重复/繁琐', 3),
 (1, 'VERY_DISSATISFIED', 'OVERDUE', '办理超时', 4),
 (1, 'VERY_DISSATISFIED', 'MANY_TRIPS', '多次跑腿', 5),
 (1, 'VERY_DISSATISFIED', 'PROCESS_UNCLEAR', '流程不清', 6),
 (1, 'VERY_DISSATISFIED', 'MISCONDUCT', '吃拿卡要', 7);
