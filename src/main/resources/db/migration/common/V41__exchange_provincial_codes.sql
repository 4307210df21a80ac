-- Version 1 of the code table for the provincial interface (domain.md §5). Henan's interface document is not
-- public: channel codes pf 1-7 and satisfaction 1 = 非常不满意 ... 5 = 非常满意 follow the provincial interfaces
-- seen elsewhere; the system default (pf 8), the certificate types (national certificate-type codes: 111 居民身份证,
-- 414 护照, 516 港澳居民来往内地通行证, 511 台湾居民来往大陆通行证, 001 统一社会信用代码, 990 其他) and the case type
-- (GB/T 39046: 1 即办件, 2 承诺件) are conventions to be replaced by a new version once the province publishes its
-- own. The local code '*' is the fallback for a local value without a row of its own.
insert into exchange_code_table (target, version, note, created_at) values
 ('provincial', 1, '省级"好差评"接口默认代码表', timestamp with time zone '2026-11-26 00:00:00+08:00');

insert into exchange_code_mapping (target, version, kind, local_code, remote_code) values
 ('provincial', 1, 'CHANNEL', 'PC', '1'),
 ('provincial', 1, 'CHANNEL', 'MOBILE', '2'),
 ('provincial', 1, 'CHANNEL', 'QR', '3'),
 ('provincial', 1, 'CHANNEL', 'WINDOW_DEVICE', '4'),
 ('provincial', 1, 'CHANNEL', 'TERMINAL', '5'),
 ('provincial', 1, 'CHANNEL', 'PHONE', '6'),
 ('provincial', 1, 'CHANNEL', 'SMS', '7'),
 ('provincial', 1, 'CHANNEL', 'SYSTEM_DEFAULT', '8'),
 ('provincial', 1, 'LEVEL', 'VERY_DISSATISFIED', '1'),
 ('provincial', 1, 'LEVEL', 'DISSATISFIED', '2'),
 ('provincial', 1, 'LEVEL', 'BASIC', '3'),
 ('provincial', 1, 'LEVEL', 'SATISFIED', '4'),
 ('provincial', 1, 'LEVEL', 'VERY_SATISFIED', '5'),
 ('provincial', 1, 'ID_TYPE', 'ID_CARD', '111'),
 ('provincial', 1, 'ID_TYPE', 'PASSPORT', '414'),
 ('provincial', 1, 'ID_TYPE', 'HK_MACAO_PASS', '516'),
 ('provincial', 1, 'ID_TYPE', 'TAIWAN_PASS', '511'),
 ('provincial', 1, 'ID_TYPE', 'CREDIT_CODE', '001'),
 ('provincial', 1, 'ID_TYPE', 'OTHER', '990'),
 ('provincial', 1, 'ID_TYPE', '*', '990'),
 ('provincial', 1, 'USER_PROP', 'PERSON', '1'),
 ('provincial', 1, 'USER_PROP', 'ORGANIZATION', '2'),
 ('provincial', 1, 'CASE_STATUS', 'ACCEPTED', '1'),
 ('provincial', 1, 'CASE_STATUS', 'IN_PROGRESS', '2'),
 ('provincial', 1, 'CASE_STATUS', 'COMPLETED', '3'),
 ('provincial', 1, 'CASE_TYPE', 'IMMEDIATE', '1'),
 ('provincial', 1, 'CASE_TYPE', 'PROMISED', '2'),
 ('provincial', 1, 'CASE_TYPE', 'OTHER', '9');
