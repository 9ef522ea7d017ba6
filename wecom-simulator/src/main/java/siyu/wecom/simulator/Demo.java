package siyu.wecom.simulator;

import java.util.List;
import org.springframework.stereotype.Component;

/**
 * A demo directory for a corp: 总部 with three departments under it, eight members with 客户联系 enabled and
 * two customer groups with a few members. Made once per corp; asking again changes nothing.
 */
@Component
class Demo {

    private record Person(String userId, String name, long department, String position, String gender) {}

    private static final List<Department> DEPARTMENTS = List.of(
            new Department(1, "总部", "Headquarters", 0, 100_000_000, List.of("zhangwei")),
            new Department(2, "华东门店", "East China Stores", 1, 100_000_000, List.of("lina")),
            new Department(3, "华南门店", "South China Stores", 1, 99_999_000, List.of("liuyang")),
            new Department(4, "线上客服", "Online Service", 1, 99_998_000, List.of("zhaolei")));

    private static final List<Person> PEOPLE = List.of(
            new Person("zhangwei", "张伟", 1, "运营总监", "1"),
            new Person("lina", "李娜", 2, "华东区店长", "2"),
            new Person("wangfang", "王芳", 2, "导购", "2"),
            new Person("zhoujie", "周杰", 2, "导购", "1"),
            new Person("liuyang", "刘洋", 3, "华南区店长", "1"),
            new Person("chenjing", "陈静", 3, "导购", "2"),
            new Person("zhaolei", "赵磊", 4, "客服主管", "1"),
            new Person("sunli", "孙丽", 4, "客服专员", "2"));

    private final Directory directory;
    private final Groups groups;

    Demo(Directory directory, Groups groups) {
        this.directory = directory;
        this.groups = groups;
    }

    void seed(Corp corp) {
        synchronized (corp) {
            if (corp.demo) {
                return;
            }
            DEPARTMENTS.forEach(d -> corp.departments.put(d.id(), d));
            PEOPLE.forEach(p -> directory.save(
                    corp, p.userId(), p.name(), List.of(p.department()), p.position(), p.gender(), true));
            group(corp, "华东门店VIP福利群", "lina", "wangfang", List.of("林晓燕", "黄志强", "吴佳琪"));
            group(corp, "线上客服答疑群", "zhaolei", "sunli", List.of("郑雨萱", "何俊杰"));
            corp.demo = true;
        }
    }

    private void group(Corp corp, String name, String owner, String helper, List<String> customers) {
        var group = groups.make(corp, name, corp.member(owner));
        group.admins.add(helper);
        group.members.add(
                new Group.Member(helper, 1, null, group.createTime, 1, owner, corp.member(helper).name, null));
        for (var customerName : customers) {
            var customer = corp.newCustomer(customerName, 0, null, null);
            group.members.add(groups.customerMember(corp, customer.externalUserId(), 1, owner, null));
        }
    }
}
