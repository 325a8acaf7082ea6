import json, os
D = '/work/main/tests/devset7/articles'
def M(parts, mentions, kind, status, date, date_end=None, location=None, dur=None, topics=(), core=False):
    return {"participants": parts, "mentions": mentions, "kind": kind, "status": status,
            "date": date, "date_end": date_end, "location": location,
            "duration_minutes": dur, "topics": list(topics), "core": core}
G = {}
XI='Xi Jinping'; KIM='Kim Jong Un'; WY='Wang Yi'
G['601_kim_jong_un_beijing_fourth_visit'] = (None, [
 M([KIM, XI], {KIM:["Jin Zhengen"], XI:["Xi Jinping"]}, "talks","held","2019-01-08",None,"Beijing",None,
   ["Korean Peninsula denuclearization","second DPRK-US summit","China-DPRK relations"], True),
 M([KIM, XI], {KIM:["Jin Zhengen"], XI:["Xi Jinping"]}, "visit","held","2018-03",None,"Beijing"),
 M([KIM, XI], {KIM:["Jin Zhengen"], XI:["Xi Jinping"]}, "visit","held","2018-05",None,"Dalian"),
 M([KIM, XI], {KIM:["Jin Zhengen"], XI:["Xi Jinping"]}, "visit","held","2018-06",None,"Beijing"),
 M([KIM, "Donald Trump"], {KIM:["金正恩"], "Donald Trump":["特朗普"]}, "summit","held","2018-06-12",None,"Singapore",None,["joint statement"]),
 M([KIM, "Donald Trump"], {KIM:["Jin Zhengen"], "Donald Trump":["Trump"]}, "summit","planned",None),
 M([XI, KIM], {XI:["Xi Jinping"], KIM:["Jin Zhengen"]}, "visit","planned",None,None,"Pyongyang"),
])
CEY='Chung Eui-yong'
G['602_wang_yi_chung_eui_yong_seoul'] = (None, [
 M([WY, CEY], {WY:["Wang Yi"], CEY:["Zheng Yirong"]}, "talks","held","2021-09-15",None,"Seoul",None,
   ["Korean Peninsula peace process","30th anniversary of diplomatic relations","supply chains","people-to-people exchanges"], True),
 M(["Moon Jae-in", WY], {"Moon Jae-in":["Wen Zaiyin"], WY:["Wang Yi"]}, "meeting","held","2021-09-15",None,"Seoul",None,
   ["inter-Korean and DPRK-US dialogue"]),
 M([WY], {WY:["Wang Yi"]}, "visit","held","2021-09",None,"Singapore"),
 M([CEY, WY], {CEY:["Zheng Yirong"], WY:["Wang Yi"]}, "talks","held","2021-04",None,"Xiamen"),
 M(["Sung Kim","Noh Kyu-duk","Takehiro Funakoshi"], {"Sung Kim":["Jin Cheng"],"Noh Kyu-duk":["Lu Guide"],"Takehiro Funakoshi":["Chuanyue Jianyu"]},
   "meeting","held","2021-09-14",None,"Tokyo",None,["resuming dialogue with North Korea"]),
])
AD='Ajit Doval'
G['603_doval_wang_yi_special_representatives'] = ("2024-12-19", [
 M([WY, AD], {WY:["Wang Yi"], AD:["Duowaer"]}, "talks","held","2024-12-18",None,"Beijing",None,
   ["boundary question","peace and tranquility in border areas","pilgrimages to Tibet","cross-border rivers","border trade"], True),
 M([WY, AD], {WY:["Wang Yi"], AD:["Duowaer"]}, "talks","held","2019-12",None,"New Delhi"),
 M([WY, AD], {WY:["王毅"], AD:["多瓦尔"]}, "meeting","held","2024-09-12",None,"St Petersburg",None,["border issues"]),
 M([WY, AD], {WY:["Wang Yi"], AD:["Duowaer"]}, "talks","planned","2025",None,"India"),
])
SI='Shigeru Ishiba'; YSY='Yoon Suk Yeol'; FK='Fumio Kishida'; LQ='Li Qiang'
G['604_xi_ishiba_lima'] = (None, [
 M([XI, SI], {XI:["Xi Jinping"], SI:["Shi Pomao"]}, "meeting","held","2024-11-15",None,"Lima",None,
   ["strategic mutually beneficial relationship","detained Japanese citizens","safety of Japanese nationals in China","Japanese seafood imports","history and Taiwan"], True),
 M([SI, LQ], {SI:["石破茂"], LQ:["李强"]}, "talks","held","2024-10-10",None,"Vientiane"),
 M([XI, YSY], {XI:["习近平"], YSY:["尹锡悦"]}, "meeting","held","2024-11-15",None,"Lima"),
 M([FK, XI], {FK:["Antian Wenxiong"], XI:["Xi Jinping"]}, "meeting","held","2023-11",None,"San Francisco",None,["strategic mutually beneficial relationship"]),
])
FBF='Faisal bin Farhan'; HAA='Hossein Amir-Abdollahian'
G['605_saudi_iran_foreign_ministers_beijing'] = ("2023-04-07", [
 M([FBF, HAA], {FBF:["Feisaer"], HAA:["Abdullahiyan"]}, "talks","held","2023-04-06",None,"Beijing",None,
   ["resumption of diplomatic relations","reopening embassies and consulates","flights","visas","security cooperation agreement"], True),
 M(["Ali Shamkhani","Musaed Al-Aiban",WY], {"Ali Shamkhani":["Shamhani"],"Musaed Al-Aiban":["Aiban"],WY:["Wang Yi"]},
   "talks","held","2023-03-06","2023-03-10","Beijing",None,["restoration of Saudi-Iran diplomatic relations"]),
 M(["Ebrahim Raisi", XI], {"Ebrahim Raisi":["莱希"], XI:["习近平"]}, "talks","held","2023-02-14",None,"Beijing"),
 M([XI], {XI:["Xi Jinping"]}, "visit","held","2022-12",None,"Saudi Arabia"),
])
WF='Wei Fenghe'; JKD='Jeong Kyeong-doo'
G['606_wei_fenghe_jeong_kyeong_doo_bangkok'] = (None, [
 M([JKD, WF], {JKD:["Zheng Jingdou"], WF:["Wei Fenghe"]}, "talks","held","2019-11-17",None,"Bangkok",None,
   ["military hotlines","defense exchanges","Korean Peninsula"], True),
 M([JKD, WF], {JKD:["Zheng Jingdou"], WF:["Wei Fenghe"]}, "talks","held","2019-06",None,"Singapore",None,["defense exchanges"]),
 M([JKD, "Taro Kono"], {JKD:["郑景斗"], "Taro Kono":["河野太郎"]}, "talks","held","2019-11-17",None,"Bangkok",None,["GSOMIA"]),
 M([WF, JKD], {WF:["Wei Fenghe"], JKD:["Zheng Jingdou"]}, "visit","planned","2020",None,"South Korea"),
])
G['607_china_japan_korea_trilateral_seoul'] = ("2024-05-28", [
 M([YSY, FK, LQ], {YSY:["Yin Xiyue"], FK:["Antian Wenxiong"], LQ:["Li Qiang"]}, "summit","held","2024-05-27",None,"Seoul",None,
   ["Korean Peninsula denuclearization","China-Japan-South Korea free trade agreement","regular trilateral summits","North Korean satellite launch"], True),
 M([LQ, YSY], {LQ:["李强"], YSY:["尹锡悦"]}, "talks","held","2024-05-26",None,"Seoul",None,["high-level exchanges"]),
 M([FK, LQ], {FK:["Antian Wenxiong"], LQ:["Li Qiang"]}, "talks","held","2024-05-26",None,"Seoul",None,["Japanese aquatic products import ban","detained Japanese citizens"]),
 M([YSY, FK], {YSY:["Yin Xiyue"], FK:["Antian Wenxiong"]}, "meeting","held","2024-05-26",None,"Seoul",None,["Japan-South Korea relations"]),
 M(["Shinzo Abe","Moon Jae-in","Li Keqiang"], {"Shinzo Abe":["Anbei Jinsan"],"Moon Jae-in":["Wen Zaiyin"],"Li Keqiang":["Li Keqiang"]}, "summit","held","2019-12",None,"Chengdu"),
])
HS='Harinder Singh'; LL='Liu Lin'
G['608_india_china_corps_commanders_moldo'] = ("2020-06-23", [
 M([HS, LL], {HS:["Harinder Singh"], LL:["Liu Lin"]}, "talks","held","2020-06-22",None,"Moldo",660,
   ["disengagement","eastern Ladakh","friction areas"], True),
 M([HS, LL], {HS:["Harinder Singh"], LL:["Liu Lin"]}, "meeting","held","2020-06-06",None,"Chushul-Moldo",None,["peaceful resolution of the standoff"]),
 M(["Rajnath Singh"], {"Rajnath Singh":["Rajnath Singh"]}, "visit","held","2020-06-22","2020-06-24","Moscow",None,["Victory Day parade"]),
])
LJS='Lee Jong-sup'; YH='Yasukazu Hamada'; LA='Lloyd Austin'
G['609_lee_jong_sup_hamada_singapore'] = ("2023-06-04", [
 M([LJS, YH], {LJS:["Lee Jong-sup","Lee"], YH:["Yasukazu Hamada","Hamada"]}, "talks","held","2023-06-04",None,"Singapore",None,
   ["2018 radar incident","North Korean missile launches","defence exchanges"], True),
 M([LA, LJS, YH], {LA:["Lloyd Austin"], LJS:["Lee"], YH:["Hamada"]}, "meeting","held","2023-06-03",None,"Singapore",None,
   ["real-time North Korean missile warning data sharing"]),
 M([YSY, FK], {YSY:["Yoon Suk Yeol"], FK:["Fumio Kishida"]}, "summit","held","2023-03-16",None,"Tokyo"),
 M([FK, YSY], {FK:["Kishida"], YSY:["Yoon Suk Yeol"]}, "visit","held","2023-05",None,"Seoul"),
 M([JKD, "Taro Kono"], {JKD:["Jeong Kyeong-doo"], "Taro Kono":["Taro Kono"]}, "meeting","held","2019-11",None,"Bangkok",None,["military intelligence-sharing pact"]),
])
TL='Theresa Lazaro'
G['610_philippines_china_bcm_manila'] = ("2024-07-02", [
 M([TL, "Chen Xiaodong"], {TL:["Theresa Lazaro"], "Chen Xiaodong":["Chen Xiaodong","Chen"]}, "talks","held","2024-07-02",None,"Manila",None,
   ["South China Sea","Second Thomas Shoal","de-escalation","managing the situation at sea"], True),
 M([TL, "Sun Weidong"], {TL:["Lazaro"], "Sun Weidong":["Sun Weidong"]}, "talks","held","2024-01",None,"Shanghai",None,
   ["coast guard and foreign ministry communication mechanisms"]),
])
CQB='Charles Q. Brown Jr.'; YY='Yoshihide Yoshida'; KMS='Kim Myung-soo'
G['611_us_japan_korea_chiefs_of_defense_tokyo'] = ("2024-07-18", [
 M([CQB, YY, KMS], {CQB:["Charles Q. Brown Jr.","Brown"], YY:["Yoshihide Yoshida"], KMS:["Kim Myung-soo"]}, "meeting","held","2024-07-18",None,"Tokyo",None,
   ["North Korean nuclear and missile threats","Russia-North Korea military cooperation","East and South China Seas","trilateral exercises"], True),
 M(["Mark Milley", YY, "Kim Seung-kyum"], {"Mark Milley":["Mark Milley"], YY:["Yoshida"], "Kim Seung-kyum":["Kim Seung-kyum"]}, "meeting","held","2023-07",None,"Hawaii"),
 M(["Vladimir Putin", KIM], {"Vladimir Putin":["Vladimir Putin"], KIM:["Kim Jong Un"]}, "visit","held","2024-06",None,"Pyongyang",None,["mutual defense pact"]),
 M(["Joe Biden", FK, YSY], {"Joe Biden":["Joe Biden"], FK:["Fumio Kishida"], YSY:["Yoon Suk Yeol"]}, "summit","held","2023-08",None,"Camp David",None,
   ["annual military exercises","North Korean missile data sharing"]),
])
JM='James Marape'; WBD='Win Bakri Daki'; AB='Antony Blinken'
G['612_pentagon_readout_austin_png'] = ("2023-07-27", [
 M([LA, JM], {LA:["Lloyd J. Austin III","Austin"], JM:["James Marape","Marape"]}, "meeting","held","2023-07-27",None,"Port Moresby",None,
   ["Defense Cooperation Agreement","maritime security","illegal, unreported, and unregulated fishing","climate change"], True),
 M([LA, WBD], {LA:["Austin"], WBD:["Win Bakri Daki"]}, "meeting","held","2023-07-27",None,"Port Moresby",None,
   ["Defense Cooperation Agreement implementation","infrastructure development","training"], True),
 M([AB, WBD], {AB:["Antony J. Blinken"], WBD:["Win Bakri Daki"]}, "meeting","held","2023-05-22",None,"Port Moresby",None,["Defense Cooperation Agreement signing"]),
 M([LA, AB, "Richard Marles", "Penny Wong"], {LA:["Austin"], AB:["Blinken"], "Richard Marles":["Richard Marles"], "Penny Wong":["Penny Wong"]},
   "talks","planned","2023-07",None,"Brisbane",None,["AUSMIN"]),
])
RS='Rajnath Singh'; PVG='Phan Van Giang'; NM='Narendra Modi'
G['613_pib_rajnath_singh_vietnam'] = ("2022-06-08", [
 M([RS, PVG], {RS:["Rajnath Singh"], PVG:["Phan Van Giang"]}, "talks","held","2022-06-08",None,"Hanoi",None,
   ["Joint Vision Statement on Defence Partnership towards 2030","Mutual Logistics Support","Defence Line of Credit","capacity building"], True),
 M([NM], {NM:["Narendra Modi"]}, "visit","held","2016",None,"Vietnam",None,["Comprehensive Strategic Partnership"]),
 M([NM, "Nguyen Xuan Phuc"], {NM:["Narendra Modi"], "Nguyen Xuan Phuc":["Nguyen Xuan Phuc"]}, "video_call","held","2020-12-21",None,None,None,
   ["Joint Vision for Peace, Prosperity and People"]),
])
WP='Winston Peters'
G['614_beehive_peters_wang_yi_wellington'] = ("2024-03-18", [
 M([WP, WY], {WP:["Winston Peters","Mr Peters"], WY:["Wang Yi"]}, "talks","held","2024-03-18",None,"Wellington",None,
   ["trade and economic relations","Pacific","Middle East","Ukraine","South China Sea","Taiwan Strait","human rights"], True),
 M(["Christopher Luxon", WY], {"Christopher Luxon":["Christopher Luxon"], WY:["Mr Wang"]}, "meeting","held","2024-03-18",None,"Wellington"),
 M(["Chris Hipkins", XI], {"Chris Hipkins":["Chris Hipkins"], XI:["Xi Jinping"]}, "meeting","held","2023-06",None,"Beijing"),
 M([WY], {WY:["Mr Wang"]}, "visit","planned","2024-03",None,"Australia"),
])
G['615_kishida_g7_tour_london'] = (None, [
 M([FK, "Rishi Sunak"], {FK:["Fumio Kishida","Kishida"], "Rishi Sunak":["Rishi Sunak","Sunak"]}, "talks","held","2023-01-11",None,"London",None,
   ["Reciprocal Access Agreement","next-generation fighter jet","Indo-Pacific","Ukraine"], True),
 M([FK, "Giorgia Meloni"], {FK:["Kishida"], "Giorgia Meloni":["Giorgia Meloni"]}, "talks","held","2023-01-10",None,"Rome",None,["strategic partnership"]),
 M([FK, "Emmanuel Macron"], {FK:["Kishida"], "Emmanuel Macron":["Emmanuel Macron"]}, "meeting","held","2023-01-09",None,"Paris",None,["Indo-Pacific","Ukraine"]),
 M([FK, "Justin Trudeau"], {FK:["Kishida"], "Justin Trudeau":["Justin Trudeau"]}, "talks","planned","2023-01-12",None,"Ottawa"),
 M([FK, "Joe Biden"], {FK:["Kishida"], "Joe Biden":["Joe Biden"]}, "meeting","planned","2023-01-13",None,"White House"),
 M(["Yoshimasa Hayashi", YH, AB, LA], {"Yoshimasa Hayashi":["Yoshimasa Hayashi"], YH:["Yasukazu Hamada"], AB:["Antony Blinken"], LA:["Lloyd Austin"]},
   "talks","planned","2023-01-11",None,"Washington",None,["U.S. Marines posture in Okinawa"]),
])
YHA='Yoshimasa Hayashi'; NP='Nancy Pelosi'
G['616_wang_yi_cancels_hayashi_phnom_penh'] = ("2022-08-04", [
 M([WY, YHA], {WY:["Wang Yi","Wang"], YHA:["Yoshimasa Hayashi","Hayashi"]}, "meeting","cancelled","2022-08-04",None,"Phnom Penh",None,["G7 statement on Taiwan"], True),
 M([NP, "Tsai Ing-wen"], {NP:["Pelosi"], "Tsai Ing-wen":["Tsai Ing-wen"]}, "meeting","held","2022-08-03",None,"Taipei"),
 M([NP, "Kim Jin-pyo"], {NP:["Pelosi"], "Kim Jin-pyo":["Kim Jin-pyo"]}, "talks","held","2022-08-04",None,"Seoul"),
 M([NP, YSY], {NP:["Pelosi"], YSY:["Yoon Suk Yeol"]}, "call","held","2022-08-04",None,None,40),
 M([NP, FK], {NP:["Pelosi"], FK:["Fumio Kishida"]}, "meeting","planned","2022-08-05",None,"Tokyo"),
 M([YHA, WY], {YHA:["Hayashi"], WY:["Wang"]}, "call","held","2021-11"),
])
G['617_china_carriers_pacific_no_meeting'] = (None, [])
G['618_india_defence_exports_record'] = ("2024-04-01", [])
for name,(pub,meetings) in G.items():
    assert os.path.exists(f'{D}/{name}.txt'), name
    with open(f'{D}/{name}.json','w') as f:
        json.dump({"article": name+'.txt', "published": pub, "meetings": meetings}, f, ensure_ascii=False, indent=2)
        f.write('\n')
print(len(G))
