#!/bin/sh
# End-to-end: the class quota of `shenbao batch` (quotas.csv scope
# class): in the APP solutions call (seed 000 四、(二)) a province's
# department may recommend 10, a central enterprise or an association 5.
# Declarations are copies of the bundled app-solution-2021 sample, each
# its own enterprise (USCC) and solution, of the unit and kind given.
. "$(dirname "$0")/lib.sh"
T=$E2E_TMP

# batch NAME COUNT UNIT CLASS: a batch directory of COUNT declarations
# recommended by UNIT, a unit of kind CLASS.
batch() {
    for i in $(seq "$2"); do
        d="$T/$1/$i"
        mkdir -p "$d"
        cp -r inputs/app-solution-2021/. "$d"
        sed -i -e "s/^solution.name,\([^,]*\),.*/solution.name,\1,方案$i/" \
            -e "s/^recommender,\([^,]*\),.*/recommender,\1,$3/" \
            -e "s/^recommender_class,\([^,]*\),.*/recommender_class,\1,$4/" \
            -e "s/^company.uscc,\([^,]*\),.*/company.uscc,\1,$(python3 tests/e2e/uscc.py "$i")/" \
            "$d/form.csv"
    done
}
CE=中国示例电子信息集团有限公司
AS=中国示例工业软件协会
batch central6 6 $CE 中央企业
batch central5 5 $CE 中央企业
batch assoc6 6 $AS 行业协会
batch local6 6 江苏省工业和信息化厅 地方主管部门
check_eq "the copies keep the kind" \
    "$(grep -h '^recommender_class,' "$T/assoc6/1/form.csv")" \
    "recommender_class,推荐单位类型,行业协会"

# codes DIR: the batch's finding codes, with their counts.
codes() {
    "$SHENBAO" batch -q -f json -o "$T/$1.xlsx" "$T/$1" > "$T/$1.json"
    echo "exit $?"
    python3 -c '
import collections, json, sys
d = json.load(open(sys.argv[1]))
c = collections.Counter(f["code"] for p in d["declarations"] + [d["batch"]]
                        for f in p["findings"])
print(" ".join("%s=%d" % kv for kv in sorted(c.items())))' "$T/$1.json"
}
check_eq "6 of a central enterprise: over its 5" "$(codes central6)" \
    "exit 1
batch.quota=1"
check_eq "5 of a central enterprise: within" "$(codes central5)" "exit 0"
check_eq "6 of an association: over its 5" "$(codes assoc6)" "exit 1
batch.quota=1"
check_eq "6 of a province's department: within its 10" "$(codes local6)" \
    "exit 0"
"$SHENBAO" batch -q -o "$T/c.xlsx" "$T/central6" > "$T/c.txt"
check_grep "the finding: at the 6th's 推荐单位, naming the 5" \
    "^form.csv:5:3: error: 推荐单位：“$CE”推荐了6个方案（方案1、方案2、方案3、方案4、方案5、方案6），超过规定的上限5个 \[batch.quota\]" "$T/c.txt"
sed -n "\|^== 申报书 $T/central6/6\$|,/^\$/p" "$T/c.txt" > "$T/c6.txt"
check_grep "the finding: on the 6th declaration" '\[batch.quota\]' "$T/c6.txt"
check_grep "the finding: citing the notice's class row" \
    '依据 source: 000 四、\(二\)：中央企业和行业协会推荐数量不超过5个' "$T/c.txt"
finish
