-- The Xuchang demo fixture (demo-data.md): keep these codes stable.
insert into catalog_region (code, name, level, parent_code) values
 ('411000', '许昌市', 'CITY', null),
 ('411002', '魏都区', 'COUNTY', '411000'),
 ('411003', '建安区', 'COUNTY', '411000'),
 ('411024', '鄢陵县', 'COUNTY', '411000'),
 ('411025', '襄城县', 'COUNTY', '411000'),
 ('411081', '禹州市', 'COUNTY', '411000'),
 ('411082', '长葛市', 'COUNTY', '411000'),
 ('411071', '许昌经济技术开发区', 'COUNTY', '411000'),
 ('411090', '许昌城乡一体化示范区', 'COUNTY', '411000'),
 ('411091', '许昌市东城区', 'COUNTY', '411000'),
 ('411002001', '西大街街道', 'TOWNSHIP', '411002'),
 ('411002001001', '西大街社区', 'VILLAGE', '411002001');

insert into catalog_service_body (code, name, region_code) values
 ('XC-HALL', '许昌市政务服务中心', '411000'),
 ('WD-HALL', '魏都区政务服务中心', '411002'),
 ('YZ-HALL', '禹州市政务服务中心', '411081');

insert into catalog_department (code, name, region_code, credit_code) values
 ('XC-SCJG', '许昌市市场监督管理局', '411000', '11411000005030516D'),
 ('WD-MZJ', '魏都区民政局', '411002', '114110020050412748'),
 ('YZ-RSJ', '禹州市人力资源和社会保障局', '411081', '11411081005052192T');

insert into catalog_window (code, name, service_body_code, department_code) values
 ('XC-HALL-W01', '市场监管综合窗口 1 号', 'XC-HALL', 'XC-SCJG'),
 ('XC-HALL-W02', '市场监管综合窗口 2 号', 'XC-HALL', 'XC-SCJG'),
 ('WD-HALL-W01', '民政婚姻登记窗口', 'WD-HALL', 'WD-MZJ'),
 ('YZ-HALL-W01', '社保服务窗口', 'YZ-HALL', 'YZ-RSJ');

insert into catalog_staff (staff_no, name, window_code, department_code) values
 ('S1001', '张伟', 'XC-HALL-W01', 'XC-SCJG'),
 ('S1002', '李娜', 'XC-HALL-W02', 'XC-SCJG'),
 ('S2001', '王芳', 'WD-HALL-W01', 'WD-MZJ'),
 ('S3001', '刘洋', 'YZ-HALL-W01', 'YZ-RSJ');

insert into catalog_service_item (code, name, department_code) values
 ('ITEM-SCJG-001', '企业设立登记', 'XC-SCJG'),
 ('ITEM-MZJ-001', '结婚登记', 'WD-MZJ'),
 ('ITEM-RSJ-001', '社会保障卡申领', 'YZ-RSJ');

-- device keys: demo-device-key-2026 and demo-terminal-key-2026 (only their SHA-256 is stored)
insert into catalog_device (code, kind, name, service_body_code, window_code, key_hash) values
 ('DEV-XC-W01', 'WINDOW_DEVICE', '市场监管综合窗口 1 号评价器', 'XC-HALL', 'XC-HALL-W01',
  'ff9a9bc74de36b3e4958db9b8eec6568b9a8651efa662238d74ab73b1400c028'),
 ('TERM-XC-01', 'TERMINAL', '市政务服务中心自助终端 1 号', 'XC-HALL', null,
  '811d7746e1d1b5a6cbc62dda7be1961bde2f2db6fffb7c6e965020f6dbfb9f31');
